// Codes from the API shown as words: acronyms advisers write in capitals stay capitals.
import { label } from "../src/components/format";
import { fieldName, readValue } from "../src/pages/case/Evidence";

test("a code becomes words, with the sector's acronyms in capitals", () => {
  expect(label("dro")).toBe("DRO");
  expect(label("iva")).toBe("IVA");
  expect(label("income_tax_vat_ni")).toBe("Income tax VAT NI");
  expect(label("tv_licence")).toBe("TV licence");
  expect(label("universal_credit_advance")).toBe("Universal credit advance");
  expect(label("court_claim_n1")).toBe("Court claim N1");
  expect(label("bs_midway_review_due")).toBe("BS midway review due");
  expect(label("no-solution-needed")).toBe("No solution needed");
  expect(label("driver")).toBe("Driver"); // a word that starts like one is left alone
  expect(label(null)).toBe("—");
});

test("a read field is named as an adviser says it, without the API's unit", () => {
  expect(fieldName("balance_pence")).toBe("Balance");
  expect(fieldName("gross_pence")).toBe("Gross pay");
  expect(fieldName("creditor_name")).toBe("Creditor name");
  expect(fieldName("deadline_date")).toBe("Deadline date");
});

test("a date read from a page is shown in words; other values as read", () => {
  expect(readValue("2026-12-16")).toBe("16 Dec 2026");
  expect(readValue("£1,234.56")).toBe("£1,234.56");
  expect(readValue("AB-2026-12-16")).toBe("AB-2026-12-16"); // a reference that holds a date stays
});
