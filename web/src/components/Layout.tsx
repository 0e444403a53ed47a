import { NavLink, Outlet, useLocation } from "react-router-dom";
import { useEffect, useRef } from "react";
import { useMe, useSession } from "../auth/session";
import { HeaderSearch } from "../pages/search/HeaderSearch";
import { roleWords } from "./format";
import { usePageTitle } from "./pageTitle";

function NavItem({ to, children, end }: { to: string; children: string; end?: boolean }) {
  return (
    <li className="moj-primary-navigation__item">
      <NavLink
        to={to}
        end={end}
        className="moj-primary-navigation__link"
        aria-current={undefined}
        // NavLink sets aria-current="page" on the active link, which MoJ styles.
      >
        {children}
      </NavLink>
    </li>
  );
}

export function Layout() {
  const { me, can } = useMe();
  const { signOut } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  usePageTitle(main);
  const roles = roleWords(me.roles);
  // A session that may only set up 2-step verification (the centre requires it) gets no
  // search, account or navigation: each would lead back to the set-up page.
  const setupOnly = me.second_factor_setup_required === true;

  // A page change moves focus to the main content, as a full page load would.
  useEffect(() => {
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="cma-header">
        <div className="govuk-width-container cma-header__inner">
          <NavLink to="/" className="cma-header__name">
            CMA
          </NavLink>
          <div className="cma-header__meta">
            {!setupOnly && <HeaderSearch />}
            <span className="govuk-!-margin-right-3 cma-header__who">
              {me.display_name ? (
                <>
                  <span className="govuk-visually-hidden">Signed in as </span>
                  <strong>{me.display_name}</strong>
                  {` (${roles})`}
                </>
              ) : (
                roles
              )}
              {me.centre_name && <span className="cma-header__centre">{me.centre_name}</span>}
            </span>
            {!setupOnly && (
              <NavLink to="/account" className="govuk-link govuk-link--inverse govuk-!-margin-right-3">
                Your account
              </NavLink>
            )}
            <button type="button" className="cma-link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      {!setupOnly && (
        <div className="moj-primary-navigation">
          <div className="moj-primary-navigation__container govuk-width-container">
            <div className="moj-primary-navigation__nav">
              <nav className="moj-primary-navigation" aria-label="Main">
                <ul className="moj-primary-navigation__list">
                  <NavItem to="/" end>
                    Work queue
                  </NavItem>
                  {can("case:read") && <NavItem to="/cases">Cases</NavItem>}
                  {can("case:read") && <NavItem to="/calendar">Calendar</NavItem>}
                  {can("client:read") && <NavItem to="/clients">Clients</NavItem>}
                  {(can("case:assign") || can("case:read_all")) && <NavItem to="/supervision">Supervision</NavItem>}
                  {(can("user:manage") || can("centre:settings") || can("case:assign")) && <NavItem to="/admin">Centre admin</NavItem>}
                  {(can("client:export") || can("case:read_all") || can("case:delete")) && <NavItem to="/privacy">Privacy</NavItem>}
                  {can("audit:read") && <NavItem to="/audit">Audit</NavItem>}
                </ul>
              </nav>
            </div>
          </div>
        </div>
      )}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          <Outlet />
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-footer__meta-custom govuk-body-s">
            CMA, open-source case management for debt advice centres ·{" "}
            <a className="govuk-footer__link" href="/schema">
              API documentation
            </a>
          </p>
        </div>
      </footer>
    </>
  );
}
