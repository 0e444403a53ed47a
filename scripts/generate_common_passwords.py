"""Generate src/cma_core/identity/common_passwords.txt from well-known patterns.

No download: base words that top every published leak list (and UK favourites: football
clubs, "liverpool", "arsenal"), keyboard walks, digit runs, each with the suffixes people
add to pass a length rule. The policy also strips such suffixes and undoes leetspeak
before looking a password up, so the list holds bases and their common spellings.

Run: python scripts/generate_common_passwords.py > src/cma_core/identity/common_passwords.txt
"""

from __future__ import annotations

BASES = """
password passw0rd passwd pass letmein welcome admin administrator login master secret
qwerty qwertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx 1qaz2wsx qwertyui azerty
iloveyou loveyou lovely love princess sunshine shadow monkey dragon football baseball
basketball soccer superman batman trustno1 starwars whatever freedom hello hellothere
charlie michael jessica ashley daniel thomas jordan hunter harley ranger buster tigger
pepper ginger summer winter spring autumn flower cookie chocolate banana orange apple
computer internet samsung google facebook linkedin twitter yahoo microsoft windows
liverpool arsenal chelsea manchester manutd everton tottenham celtic rangers newcastle
england london scotland wales britain
mustang ferrari porsche corvette mercedes jaguar killer cheese matrix hockey guitar
pokemon naruto minecraft fortnite roblox
jesus christ angel heaven blessed
changeme default guest user test tester testing temp temporary access
abc abcdef abcdefg abcdefgh abcd1234 abc123 aa123456 a1b2c3 a1b2c3d4
money letmein1 welcome1 password1 qwerty1 monday friday
batman123 superstar rockstar
"""

DIGIT_RUNS = [
    "123",
    "1234",
    "12345",
    "123456",
    "1234567",
    "12345678",
    "123456789",
    "1234567890",
    "0987654321",
    "987654321",
    "111111",
    "000000",
    "121212",
    "123123",
    "654321",
    "666666",
    "696969",
    "112233",
    "159753",
    "147258369",
    "11111111",
    "00000000",
    "88888888",
]
SUFFIXES = ["", "1", "12", "123", "1234", "12345", "!", "1!", "123!", "01", "2024", "2025", "2026"]
PREFIXES = ["", "my"]


def main() -> None:
    words: set[str] = set(DIGIT_RUNS)
    for base in BASES.split():
        for pre in PREFIXES:
            for suf in SUFFIXES:
                words.add(f"{pre}{base}{suf}")
        words.add(base * 2)
    for c in "abcdefghijklmnopqrstuvwxyz0123456789":
        for n in range(6, 17):
            words.add(c * n)
    for line in sorted(words):
        print(line)


if __name__ == "__main__":
    main()
