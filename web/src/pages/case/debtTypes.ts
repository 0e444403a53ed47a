import type { Schemas } from "../../api/client";

/** Every type the API takes (its ``DebtType``), priority kinds first, as the API lists them. */
export const DEBT_TYPES = [
  "council_tax", "rent", "mortgage", "secured_loan", "mortgage_shortfall", "ground_rent_service_charge",
  "gas", "electricity", "water", "tv_licence", "magistrates_fine", "child_maintenance", "income_tax_vat_ni",
  "hire_purchase", "credit_card", "overdraft", "personal_loan", "payday_loan", "bnpl", "catalogue", "store_card",
  "student_loan", "benefit_overpayment", "tax_credit_overpayment", "social_fund_loan", "universal_credit_advance",
  "family_loan", "parking_charge", "other",
] as const satisfies readonly Schemas["DebtIn"]["debt_type"][];

// Every type the API has is offered: a type added to the API and not here fails the build.
type Missing = Exclude<Schemas["DebtType"], (typeof DEBT_TYPES)[number]>;
export const EVERY_TYPE_OFFERED: [Missing] extends [never] ? true : never = true;
