// Centre administration, loaded on first visit. Each section shows only to a role the API
// would let use it: users and grants (`user:manage`), the creditor directory
// (`finance:read`, edits `finance:write`), the letters' wording (likewise), the compliance policy (`case:assign`) and the
// centre's profile for letters and its working hours (everyone reads them; `centre:settings`
// edits), and the roles that must use 2-step verification (`centre:settings`).
import type { ReactElement } from "react";
import { NavLink, Route, Routes } from "react-router-dom";
import { useMe } from "../../auth/session";
import { NotFound } from "../NotFound";
import { CreditorsPage } from "./Creditors";
import { LetterTemplatesPage } from "./LetterTemplates";
import { PolicyPage } from "./Policy";
import { ProfilePage } from "./Profile";
import { ReferencePage } from "./Reference";
import { SecondFactorPage } from "./SecondFactor";
import { ThresholdsPage } from "./Thresholds";
import { UserPage, UsersPage } from "./Users";
import { WorkingHoursPage } from "./WorkingHours";

export default function AdminPages() {
  const { can } = useMe();
  const sections: Array<[string, string, boolean, ReactElement]> = [
    ["users", "Users and grants", can("user:manage"), <UsersPage key="u" />],
    ["creditors", "Creditor directory", can("finance:read"), <CreditorsPage key="c" />],
    ["letter-templates", "Letter templates", can("finance:read"), <LetterTemplatesPage key="l" />],
    ["policy", "Compliance policy", can("case:assign"), <PolicyPage key="p" />],
    ["profile", "Centre profile", can("centre:settings"), <ProfilePage key="f" />],
    ["working-hours", "Working hours", can("centre:settings"), <WorkingHoursPage key="h" />],
    ["second-factor", "2-step verification", can("centre:settings"), <SecondFactorPage key="s" />],
    ["reference", "Spending guidelines", can("finance:read"), <ReferencePage key="r" />],
    ["thresholds", "Threshold overrides", can("finance:read"), <ThresholdsPage key="t" />],
  ];
  const open = sections.filter(([, , allowed]) => allowed);
  return (
    <>
      <span className="govuk-caption-l">Centre admin</span>
      <nav className="moj-sub-navigation" aria-label="Centre admin">
        <ul className="moj-sub-navigation__list">
          {open.map(([path, title]) => (
            <li className="moj-sub-navigation__item" key={path}>
              <NavLink className="moj-sub-navigation__link" to={`/admin/${path}`}>
                {title}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={open[0]?.[3] ?? <NotFound />} />
        {open.map(([path, , , element]) => (
          <Route key={path} path={path} element={element} />
        ))}
        {can("user:manage") && <Route path="users/:userId" element={<UserPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </>
  );
}
