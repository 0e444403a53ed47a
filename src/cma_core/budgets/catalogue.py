"""The Standard Financial Statement line catalogue (SFS-DDS v1.1), kept as one table.

Every income and outgoing line of the SFS Data Entry Schema v1.1
(``sfs-data-entry-schema.json``, Money Advice Service SFS developer toolkit) appears in
:data:`LINES` exactly once as ``(section, category, line key, label, SFS-DDS JSON key)``.
Categories carry their own JSON key and total key. "Other essential costs" is a free list
in the schema (an array), so it has no fixed lines: see ``Budget.other_essentials``.

Note: the schema's *utilities* category has both ``other-utilities`` and
``other-utilities-expenditure``; both are kept as separate lines, as in the schema.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from attrs import frozen


class Section(enum.StrEnum):
    INCOME = "income"
    FIXED = "fixed"
    FLEXIBLE = "flexible"


@frozen
class CategoryDef:
    key: str
    section: Section
    label: str
    sfs_key: str
    sfs_total_key: str


class Category(enum.StrEnum):
    EARNINGS = "earnings"
    BENEFITS = "benefits"
    PENSIONS = "pensions"
    OTHER_INCOME = "other_income"
    HOME_CONTENTS = "home_contents"
    UTILITIES = "utilities"
    WATER = "water"
    CARE_HEALTH = "care_health"
    TRANSPORT_TRAVEL = "transport_travel"
    SCHOOL = "school"
    PENSIONS_INSURANCES = "pensions_insurances"
    PROFESSIONAL = "professional"
    OTHER_ESSENTIAL = "other_essential"
    COMMUNICATIONS_LEISURE = "communications_leisure"
    FOOD_HOUSEKEEPING = "food_housekeeping"
    PERSONAL = "personal"


_I, _X, _F = Section.INCOME, Section.FIXED, Section.FLEXIBLE

#: (category, section, label, SFS-DDS key, SFS-DDS total key)
_CATEGORY_ROWS: tuple[tuple[Category, Section, str, str, str], ...] = (
    (Category.EARNINGS, _I, "Earnings", "earnings", "total-earnings"),
    (Category.BENEFITS, _I, "Benefits", "benefits", "total-benefits"),
    (Category.PENSIONS, _I, "Pensions", "pensions", "total-pensions"),
    (Category.OTHER_INCOME, _I, "Other income", "other-income", "total-other-income"),
    (Category.HOME_CONTENTS, _X, "Home & contents", "home-contents", "total-home-contents"),
    (Category.UTILITIES, _X, "Utilities", "utilities", "total-utilities"),
    (Category.WATER, _X, "Water", "water", "total-water"),
    (Category.CARE_HEALTH, _X, "Care & health", "care-health", "total-care-health"),
    (
        Category.TRANSPORT_TRAVEL,
        _X,
        "Transport & travel",
        "transport-travel",
        "total-transport-travel",
    ),
    (Category.SCHOOL, _X, "School costs", "school", "total-school"),
    (
        Category.PENSIONS_INSURANCES,
        _X,
        "Pensions & insurances",
        "pensions-insurance",
        "total-pensions-insurances",
    ),
    (Category.PROFESSIONAL, _X, "Professional costs", "professional", "total-professional"),
    (
        Category.OTHER_ESSENTIAL,
        _X,
        "Other essential costs",
        "other-essential",
        "total-other-essential",
    ),
    (
        Category.COMMUNICATIONS_LEISURE,
        _F,
        "Communications & leisure",
        "communications-leisure",
        "total-communications-leisure",
    ),
    (
        Category.FOOD_HOUSEKEEPING,
        _F,
        "Food & housekeeping",
        "food-housekeeping",
        "total-food-housekeeping",
    ),
    (Category.PERSONAL, _F, "Personal costs", "personal", "total-personal"),
)

CATEGORIES: Mapping[Category, CategoryDef] = MappingProxyType(
    {c: CategoryDef(c.value, s, label, key, total) for c, s, label, key, total in _CATEGORY_ROWS}
)


@frozen
class LineDef:
    section: Section
    category: Category
    key: str
    label: str
    sfs_key: str


_C = Category

#: The line catalogue: (category, line key, label, SFS-DDS JSON key). Section comes from
#: the category. Order is the SFS order.
_LINE_ROWS: tuple[tuple[Category, str, str, str], ...] = (
    # Income: earnings
    (_C.EARNINGS, "client_salary", "Client salary or wages", "client-salary-or-wages"),
    (_C.EARNINGS, "partner_salary", "Partner salary or wages", "partner-salary-or-wages"),
    (_C.EARNINGS, "other_earnings", "Other earnings", "other-earnings"),
    # Income: benefits
    (
        _C.BENEFITS,
        "uc_tax_credits",
        "Universal Credit / tax credits",
        "tax-credits-universal-credit",
    ),
    (
        _C.BENEFITS,
        "jsa_income",
        "Jobseeker's Allowance (income-based)",
        "jobseekers-allowance-income-based",
    ),
    (
        _C.BENEFITS,
        "jsa_contribution",
        "Jobseeker's Allowance (contribution-based)",
        "jobseekers-allowance-contribution-based",
    ),
    (_C.BENEFITS, "income_support", "Income Support", "income-support"),
    (_C.BENEFITS, "working_tax_credit", "Working Tax Credit", "working-tax-credit"),
    (_C.BENEFITS, "child_tax_credit", "Child Tax Credit", "child-tax-credit"),
    (_C.BENEFITS, "child_benefit", "Child Benefit", "child-benefit"),
    (_C.BENEFITS, "esa", "Employment and Support Allowance", "employment-support-allowance"),
    (_C.BENEFITS, "disability_benefits", "Disability benefits", "disability-benefits"),
    (_C.BENEFITS, "carers_allowance", "Carer's Allowance", "carers-allowance"),
    (_C.BENEFITS, "local_housing_allowance", "Local Housing Allowance", "local-housing-allowance"),
    (_C.BENEFITS, "council_tax_support", "Council Tax Support", "council-tax-support"),
    (_C.BENEFITS, "other_benefits", "Other benefits", "other-benefits"),
    # Income: pensions
    (_C.PENSIONS, "state_pension", "State pension", "state-pensions"),
    (_C.PENSIONS, "private_work_pension", "Private or work pension", "private-work-pensions"),
    (_C.PENSIONS, "pension_credit", "Pension Credit", "pension-credit"),
    (_C.PENSIONS, "other_pensions", "Other pensions", "other-pensions"),
    # Income: other
    (
        _C.OTHER_INCOME,
        "maintenance_child_support",
        "Maintenance or child support",
        "maintenance-child-support",
    ),
    (_C.OTHER_INCOME, "boarders_lodgers", "Boarders or lodgers", "boarders-lodgers"),
    (
        _C.OTHER_INCOME,
        "non_dependants_contributions",
        "Non-dependants' contributions",
        "non-dependants-contributions",
    ),
    (_C.OTHER_INCOME, "student_loans_grants", "Student loans or grants", "student-loans-grants"),
    (_C.OTHER_INCOME, "other_income", "Other income", "other-other-income"),
    # Fixed: home & contents
    (_C.HOME_CONTENTS, "rent", "Rent", "rent"),
    (
        _C.HOME_CONTENTS,
        "ground_rent_service_charges",
        "Ground rent or service charges",
        "ground-rent-service-charges",
    ),
    (_C.HOME_CONTENTS, "mortgage", "Mortgage", "mortgage"),
    (_C.HOME_CONTENTS, "mortgage_endowment", "Mortgage endowment", "mortgage-endowment"),
    (_C.HOME_CONTENTS, "secured_loans", "Secured loans", "secured-loans"),
    (_C.HOME_CONTENTS, "council_tax", "Council tax or rates", "council-tax-rates"),
    (
        _C.HOME_CONTENTS,
        "appliance_furniture_rental",
        "Appliance or furniture rental",
        "appliance-furniture-rental",
    ),
    (_C.HOME_CONTENTS, "tv_licence", "TV licence", "tv-licence"),
    (_C.HOME_CONTENTS, "other_home_contents", "Other home & contents", "other-home-contents"),
    # Fixed: utilities
    (_C.UTILITIES, "gas", "Gas", "gas"),
    (_C.UTILITIES, "electricity", "Electricity", "electricity"),
    (_C.UTILITIES, "other_utilities", "Other utilities", "other-utilities"),
    (
        _C.UTILITIES,
        "other_utilities_expenditure",
        "Other utilities expenditure",
        "other-utilities-expenditure",
    ),
    # Fixed: water
    (_C.WATER, "water_supply", "Water supply", "water-supply"),
    (_C.WATER, "water_waste", "Water waste", "water-waste"),
    # Fixed: care & health
    (_C.CARE_HEALTH, "childcare", "Childcare", "childcare-costs"),
    (_C.CARE_HEALTH, "adult_care", "Adult care", "adult-care-costs"),
    (
        _C.CARE_HEALTH,
        "child_maintenance",
        "Child maintenance or child support",
        "child-maintenance-child-support",
    ),
    (_C.CARE_HEALTH, "prescriptions", "Prescriptions and medicines", "prescriptions-medicines"),
    (_C.CARE_HEALTH, "dentist_optician", "Dentist or optician", "dentistry-opticians"),
    (_C.CARE_HEALTH, "other_care_health", "Other care & health", "other-care-health"),
    # Fixed: transport & travel
    (_C.TRANSPORT_TRAVEL, "public_transport", "Public transport", "public-transport"),
    (
        _C.TRANSPORT_TRAVEL,
        "vehicle_hp",
        "Hire purchase or conditional sale (vehicle)",
        "hire-purchase-conditional-sale-vehicle",
    ),
    (_C.TRANSPORT_TRAVEL, "car_insurance", "Car insurance", "car-insurance"),
    (_C.TRANSPORT_TRAVEL, "road_tax", "Road tax", "road-tax"),
    (
        _C.TRANSPORT_TRAVEL,
        "mot_maintenance",
        "MOT and ongoing maintenance",
        "mot-ongoing-maintenance",
    ),
    (_C.TRANSPORT_TRAVEL, "breakdown_cover", "Breakdown cover", "breakdown-cover"),
    (
        _C.TRANSPORT_TRAVEL,
        "fuel_parking_tolls",
        "Fuel, parking and toll road charges",
        "fuel-parking-toll-road-charges",
    ),
    (_C.TRANSPORT_TRAVEL, "other_transport", "Other transport & travel", "other-transport-travel"),
    # Fixed: school
    (_C.SCHOOL, "school_uniform", "School uniform", "school-uniform"),
    (
        _C.SCHOOL,
        "clubs_trips",
        "After-school clubs and school trips",
        "after-school-clubs-school-trips",
    ),
    (_C.SCHOOL, "other_school", "Other school costs", "other-school"),
    # Fixed: pensions & insurances
    (_C.PENSIONS_INSURANCES, "pension_payments", "Pension payments", "pension-payments"),
    (_C.PENSIONS_INSURANCES, "life_insurance", "Life insurance", "life-insurance"),
    (
        _C.PENSIONS_INSURANCES,
        "mortgage_payment_protection",
        "Mortgage payment protection insurance",
        "mortgage-payment-protection-insurance",
    ),
    (
        _C.PENSIONS_INSURANCES,
        "buildings_contents_insurance",
        "Buildings and contents insurance",
        "buildings-contents-insurance",
    ),
    (_C.PENSIONS_INSURANCES, "health_insurance", "Health insurance", "health-insurance"),
    (
        _C.PENSIONS_INSURANCES,
        "other_pensions_insurances",
        "Other pensions & insurances",
        "other-pensions-insurances",
    ),
    # Fixed: professional
    (_C.PROFESSIONAL, "professional_courses", "Professional courses", "professional-courses"),
    (_C.PROFESSIONAL, "union_fees", "Union fees", "union-fees"),
    (_C.PROFESSIONAL, "professional_fees", "Professional fees", "professional-fees"),
    (_C.PROFESSIONAL, "other_professional", "Other professional costs", "other-professional"),
    # Flexible: communications & leisure
    (
        _C.COMMUNICATIONS_LEISURE,
        "home_phone_internet_tv",
        "Home phone, internet and TV",
        "home-phone-internet-tv",
    ),
    (_C.COMMUNICATIONS_LEISURE, "mobile_phone", "Mobile phone", "mobile-phone"),
    (
        _C.COMMUNICATIONS_LEISURE,
        "hobbies_leisure_sport",
        "Hobbies, leisure and sport",
        "hobbies-leisure-sport",
    ),
    (_C.COMMUNICATIONS_LEISURE, "gifts", "Gifts", "gifts"),
    (_C.COMMUNICATIONS_LEISURE, "pocket_money", "Pocket money", "pocket-money"),
    (
        _C.COMMUNICATIONS_LEISURE,
        "newspapers_stationery_postage",
        "Newspapers, magazines, stationery and postage",
        "newspapers-magazines-stationery-postage",
    ),
    (
        _C.COMMUNICATIONS_LEISURE,
        "other_communications_leisure",
        "Other communications & leisure",
        "other-communications-leisure",
    ),
    # Flexible: food & housekeeping
    (_C.FOOD_HOUSEKEEPING, "groceries", "Groceries", "groceries"),
    (_C.FOOD_HOUSEKEEPING, "nappies_baby_items", "Nappies and baby items", "nappies-baby-items"),
    (_C.FOOD_HOUSEKEEPING, "school_work_meals", "School and work meals", "school-work-meals"),
    (_C.FOOD_HOUSEKEEPING, "laundry", "Laundry and dry cleaning", "laundry-dry-cleaning"),
    (_C.FOOD_HOUSEKEEPING, "alcohol", "Alcohol", "alcohol"),
    (_C.FOOD_HOUSEKEEPING, "smoking", "Smoking products", "smoking-products"),
    (
        _C.FOOD_HOUSEKEEPING,
        "vet_pet_insurance",
        "Vet bills and pet insurance",
        "vet-bills-pet-insurance",
    ),
    (
        _C.FOOD_HOUSEKEEPING,
        "house_repairs",
        "House repairs and maintenance",
        "house-repairs-maintenance",
    ),
    (
        _C.FOOD_HOUSEKEEPING,
        "other_food_housekeeping",
        "Other food & housekeeping",
        "other-food-housekeeping",
    ),
    # Flexible: personal
    (_C.PERSONAL, "clothing_footwear", "Clothing and footwear", "clothing-footwear"),
    (_C.PERSONAL, "hairdressing", "Hairdressing", "hairdressing"),
    (_C.PERSONAL, "toiletries", "Toiletries", "toiletries"),
    (_C.PERSONAL, "other_personal", "Other personal costs", "other-personal"),
)

LINES: tuple[LineDef, ...] = tuple(
    LineDef(CATEGORIES[cat].section, cat, key, label, sfs_key)
    for cat, key, label, sfs_key in _LINE_ROWS
)

LINES_BY_KEY: Mapping[str, LineDef] = MappingProxyType({line.key: line for line in LINES})


def lines_in(category: Category) -> tuple[LineDef, ...]:
    return tuple(line for line in LINES if line.category is category)


def categories_in(section: Section) -> tuple[Category, ...]:
    return tuple(c for c, d in CATEGORIES.items() if d.section is section)
