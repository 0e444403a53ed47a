// A wide table's box can be reached by keyboard, named after its caption, only while it
// scrolls (axe's scrollable-region-focusable); otherwise it adds no tab stop.
import { render, screen } from "@testing-library/react";
import { ScrollBox } from "../src/components/ui";

function table() {
  return (
    <ScrollBox>
      <table>
        <caption>Debts</caption>
        <tbody>
          <tr>
            <td>x</td>
          </tr>
        </tbody>
      </table>
    </ScrollBox>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test("a box that scrolls is a named region in the tab order", () => {
  vi.stubGlobal("ResizeObserver", class { observe() {} disconnect() {} });
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(700);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(360);
  render(table());
  const region = screen.getByRole("region", { name: "Debts (scrolls sideways)" });
  expect(region).toHaveAttribute("tabindex", "0");
});

test("a box that fits adds no tab stop", () => {
  vi.stubGlobal("ResizeObserver", class { observe() {} disconnect() {} });
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(360);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(360);
  const { container } = render(table());
  expect(screen.queryByRole("region")).toBeNull();
  expect(container.querySelector("[tabindex]")).toBeNull();
});
