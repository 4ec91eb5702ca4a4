"""Fictional French identities: names, birth places, addresses, bank accounts, telephones.

Everything is drawn from a seeded `random.Random`, so one seed always gives the same people.
NIRs and IBANs are valid (their keys are computed by `effectif.rules.identity.generate`) but
belong to nobody; telephone numbers come from the ranges ARCEP reserves for works of fiction
(01 99 00 xx xx, 06 39 98 xx xx); e-mail addresses use the reserved `.example` domain.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from effectif.rules.identity.generate import make_french_iban, make_nir

MALE_FIRST_NAMES = (
    "Julien", "Thomas", "Nicolas", "Maxime", "Antoine", "Alexandre", "Romain", "Mathieu",
    "Kévin", "Guillaume", "Sébastien", "Jérôme", "Olivier", "Christophe", "Stéphane",
    "Philippe", "Laurent", "Frédéric", "Pierre", "Hugo", "Lucas", "Théo", "Louis", "Arthur",
    "Baptiste", "Quentin", "Clément", "Florian", "Adrien", "Vincent", "Benoît", "Damien",
    "Karim", "Mehdi", "Yassine", "Samir", "Moussa", "Mamadou", "João", "Luca", "Minh",
    "Bastien", "Yannick", "Grégory", "Cédric", "Fabrice", "Didier", "Patrick", "Éric", "Noah",
)  # fmt: skip
FEMALE_FIRST_NAMES = (
    "Julie", "Camille", "Marie", "Laura", "Manon", "Sarah", "Pauline", "Émilie", "Aurélie",
    "Céline", "Sandrine", "Nathalie", "Isabelle", "Valérie", "Stéphanie", "Caroline", "Élodie",
    "Mélanie", "Audrey", "Claire", "Anne", "Hélène", "Chloé", "Léa", "Inès", "Emma", "Jade",
    "Lucie", "Océane", "Marion", "Justine", "Charlotte", "Mathilde", "Agathe", "Virginie",
    "Nadia", "Samira", "Fatou", "Aïcha", "Leïla", "Yasmina", "Ana", "Giulia", "Linh",
    "Christelle", "Delphine", "Karine", "Sophie", "Margaux", "Zoé",
)  # fmt: skip
LAST_NAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
    "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Schmitt", "Klein", "Weber", "Schneider", "Wagner", "Hoffmann", "Koenig",
    "Benali", "Haddad", "Mansouri", "Diallo", "Traoré", "Ferreira", "Pereira", "Da Silva",
    "Rossi", "Nguyen", "Tran", "Ben Salah", "Bouzid", "Kaya", "Colin", "Picard", "Renaud",
)  # fmt: skip

#: French birth places: (commune, département, INSEE commune number within the département).
FRENCH_BIRTH_PLACES = (
    ("Paris 12e", "75", 112), ("Paris 14e", "75", 114), ("Paris 18e", "75", 118),
    ("Lyon", "69", 123), ("Marseille", "13", 55), ("Strasbourg", "67", 482),
    ("Metz", "57", 463), ("Nancy", "54", 395), ("Lille", "59", 350), ("Bordeaux", "33", 63),
    ("Toulouse", "31", 555), ("Nantes", "44", 109), ("Rennes", "35", 238), ("Dijon", "21", 231),
    ("Mulhouse", "68", 224), ("Colmar", "68", 66), ("Reims", "51", 454), ("Grenoble", "38", 185),
    ("Montpellier", "34", 172), ("Nice", "06", 88), ("Rouen", "76", 540),
    ("Besançon", "25", 56), ("Clermont-Ferrand", "63", 113), ("Tours", "37", 261),
    ("Orléans", "45", 234), ("Limoges", "87", 85), ("Brest", "29", 19), ("Amiens", "80", 21),
    ("Saint-Étienne", "42", 218), ("Épinal", "88", 160), ("Thionville", "57", 672),
    ("Haguenau", "67", 180), ("Créteil", "94", 28), ("Versailles", "78", 646),
    ("Montreuil", "93", 48), ("Lunéville", "54", 329), ("Troyes", "10", 387),
)  # fmt: skip
#: A birth place in Corsica, born after 1976 (département 2A in the NIR).
CORSICAN_BIRTH_PLACE = ("Ajaccio", "2A", 4)


@dataclass(frozen=True)
class Country:
    name: str
    nationality: str
    insee: int  # the INSEE country code 99xxx used in the NIR of people born abroad
    city: str
    european: bool  # EU/EEA/Swiss nationals need no work permit
    men: tuple[str, ...]
    women: tuple[str, ...]
    surnames: tuple[str, ...]


COUNTRIES = {
    "maroc": Country(
        "Maroc", "Marocaine", 350, "Casablanca", False,
        ("Youssef", "Mehdi", "Anas", "Karim"), ("Salma", "Meryem", "Nora", "Inès"),
        ("Benjelloun", "El Amrani", "Alaoui", "Bennani", "Tazi"),
    ),
    "algerie": Country(
        "Algérie", "Algérienne", 352, "Oran", False,
        ("Rachid", "Nassim", "Samir", "Karim"), ("Amel", "Lina", "Sonia", "Nadia"),
        ("Boudiaf", "Belkacem", "Cherif", "Mansouri", "Haddad"),
    ),
    "tunisie": Country(
        "Tunisie", "Tunisienne", 351, "Sfax", False,
        ("Amine", "Walid", "Sami", "Mehdi"), ("Rym", "Yasmine", "Salma", "Ines"),
        ("Trabelsi", "Jebali", "Gharbi", "Ben Ammar", "Ben Salah"),
    ),
    "senegal": Country(
        "Sénégal", "Sénégalaise", 341, "Dakar", False,
        ("Ibrahima", "Cheikh", "Moussa", "Mamadou"), ("Awa", "Aminata", "Mariama", "Fatou"),
        ("Diop", "Ndiaye", "Sow", "Fall", "Diallo"),
    ),
    "cote_ivoire": Country(
        "Côte d'Ivoire", "Ivoirienne", 326, "Abidjan", False,
        ("Koffi", "Yao", "Serge", "Arnaud"), ("Aya", "Adjoua", "Grâce", "Christelle"),
        ("Kouassi", "Koné", "Konan", "Bamba", "Traoré"),
    ),
    "portugal": Country(
        "Portugal", "Portugaise", 139, "Braga", True,
        ("João", "Manuel", "Rui", "Paulo"), ("Ana", "Maria", "Sofia", "Catarina"),
        ("Ferreira", "Pereira", "Santos", "Oliveira", "Da Silva"),
    ),
    "italie": Country(
        "Italie", "Italienne", 127, "Turin", True,
        ("Luca", "Marco", "Matteo", "Giorgio"), ("Giulia", "Chiara", "Francesca", "Elena"),
        ("Rossi", "Bianchi", "Romano", "Esposito", "Ricci"),
    ),
    "espagne": Country(
        "Espagne", "Espagnole", 134, "Valence", True,
        ("Javier", "Carlos", "Pablo", "Diego"), ("Lucía", "Carmen", "Marta", "Elena"),
        ("García", "Fernández", "López", "Martínez", "Sánchez"),
    ),
    "roumanie": Country(
        "Roumanie", "Roumaine", 114, "Cluj-Napoca", True,
        ("Andrei", "Mihai", "Alexandru", "Vlad"), ("Ioana", "Andreea", "Elena", "Maria"),
        ("Popescu", "Ionescu", "Popa", "Dumitru", "Stan"),
    ),
}  # fmt: skip

#: Where people live, around each establishment: (postal code, commune).
HOME_AREAS = {
    "paris": (
        ("75011", "Paris"), ("75012", "Paris"), ("75019", "Paris"), ("75020", "Paris"),
        ("93100", "Montreuil"), ("94300", "Vincennes"), ("94200", "Ivry-sur-Seine"),
        ("92130", "Issy-les-Moulineaux"), ("93200", "Saint-Denis"),
        ("94120", "Fontenay-sous-Bois"),
    ),
    "strasbourg": (
        ("67000", "Strasbourg"), ("67100", "Strasbourg"), ("67200", "Strasbourg"),
        ("67300", "Schiltigheim"), ("67400", "Illkirch-Graffenstaden"), ("67380", "Lingolsheim"),
        ("67540", "Ostwald"), ("67800", "Bischheim"),
    ),
    "nancy": (
        ("54000", "Nancy"), ("54500", "Vandœuvre-lès-Nancy"), ("54600", "Villers-lès-Nancy"),
        ("54520", "Laxou"), ("54270", "Essey-lès-Nancy"), ("54180", "Heillecourt"),
        ("54220", "Malzéville"), ("54410", "Laneuveville-devant-Nancy"),
    ),
}  # fmt: skip
STREETS = (
    "rue de la République", "rue Victor-Hugo", "avenue Jean-Jaurès", "rue des Lilas",
    "rue Pasteur", "boulevard Gambetta", "rue du Général-Leclerc", "allée des Tilleuls",
    "impasse des Vignes", "rue de la Gare", "rue des Écoles", "chemin des Prés",
    "rue Jules-Ferry", "rue Voltaire", "rue du Moulin", "place de la Mairie", "rue des Jardins",
    "avenue de la Libération", "rue Saint-Nicolas", "rue des Tanneurs", "quai des Bateliers",
    "rue de Verdun", "rue Émile-Zola", "rue des Acacias",
)  # fmt: skip

#: Banks: (code banque, BIC). Accounts are made up; only their keys are right.
BANKS = (
    (30004, "BNPAFRPPXXX"), (30003, "SOGEFRPPXXX"), (30002, "CRLYFRPPXXX"),
    (20041, "PSSTFRPPXXX"), (30066, "CMCIFRPPXXX"), (10278, "CMCIFR2A"),
    (17515, "CEPAFRPP751"), (14707, "CCBPFRPPMTZ"), (40618, "BOUSFRPPXXX"),
)  # fmt: skip


def ascii_slug(text: str) -> str:
    """`Hélène Da Silva` → `helene-da-silva` (for e-mail addresses and user names)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


@dataclass
class Identity:
    """The civil status and contacts of one fictional person (fields of `Employee`)."""

    sex: str
    first_names: str
    last_name: str
    birth_date: date
    birth_place: str
    birth_country: str = "France"
    nationality: str = "Française"
    nir: str = ""
    temporary_number: str = ""
    usage_name: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    personal_email: str = ""
    personal_phone: str = ""
    emergency_contact_name: str = ""
    emergency_contact_phone: str = ""
    emergency_contact_relation: str = ""
    iban: str = ""
    bic: str = ""
    family_status: str = ""
    children_count: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    def fields(self) -> dict[str, object]:
        values = {k: v for k, v in self.__dict__.items() if k != "extra"}
        values.update(self.extra)
        return values


class IdentityMaker:
    """Draws fictional people from a seeded random generator.

    `serial` numbers each person made; it keeps NIRs distinct (it sets the birth order number of
    the NIR), so the same maker never issues one NIR twice.
    """

    def __init__(self, rng: random.Random, *, serial: int = 0) -> None:
        self.rng = rng
        self.serial = serial

    def phone(self, mobile: bool = True) -> str:
        prefix = "06 39 98" if mobile else "01 99 00"
        return f"{prefix} {self.rng.randrange(100):02d} {self.rng.randrange(100):02d}"

    def first_name(self, sex: str) -> str:
        return self.rng.choice(MALE_FIRST_NAMES if sex == "M" else FEMALE_FIRST_NAMES)

    def person(
        self,
        *,
        today: date,
        area: str,
        sex: str | None = None,
        first_names: str | None = None,
        last_name: str | None = None,
        age: tuple[int, int] = (22, 60),
        birth_date: date | None = None,
        country: str | None = None,
        corsican: bool = False,
        spread: bool = False,
    ) -> Identity:
        """One person. With `spread`, the birth place follows the serial number, so that NIRs
        stay distinct over tens of thousands of people (synthetic populations)."""
        rng = self.rng
        self.serial += 1
        sex = sex or rng.choice("MF")
        abroad = COUNTRIES[country] if country else None
        if abroad is not None:
            first_names = first_names or rng.choice(abroad.men if sex == "M" else abroad.women)
            last_name = last_name or rng.choice(abroad.surnames)
        first_names = first_names or self.first_name(sex)
        last_name = last_name or rng.choice(LAST_NAMES)
        if birth_date is None:
            years = rng.randint(*age)
            birth_date = today - timedelta(days=years * 365 + rng.randrange(365))
        order = 1 + self.serial % 999
        if abroad is not None:
            place, nationality, birth_country = abroad.city, abroad.nationality, abroad.name
            nir = make_nir(
                sex=sex, birth_date=birth_date, department="99", commune=abroad.insee, order=order
            )
        else:
            if corsican:
                city, department, commune = CORSICAN_BIRTH_PLACE
            elif spread:
                places = FRENCH_BIRTH_PLACES
                city, department, commune = places[(self.serial // 999) % len(places)]
            else:
                city, department, commune = rng.choice(FRENCH_BIRTH_PLACES)
            place, nationality, birth_country = city, "Française", "France"
            nir = make_nir(
                sex=sex, birth_date=birth_date, department=department, commune=commune, order=order
            )
        identity = Identity(
            sex=sex,
            first_names=first_names,
            last_name=last_name,
            birth_date=birth_date,
            birth_place=place,
            birth_country=birth_country,
            nationality=nationality,
            nir=nir,
        )
        self._address(identity, area)
        self._bank(identity)
        self._family(identity, today)
        return identity

    def _address(self, identity: Identity, area: str) -> None:
        rng = self.rng
        postal_code, city = rng.choice(HOME_AREAS[area])
        number = rng.randint(1, 120)
        suffix = " bis" if rng.random() < 0.08 else ""
        identity.address = f"{number}{suffix} {rng.choice(STREETS)}"
        if rng.random() < 0.15:
            identity.address += f", appartement {rng.randint(1, 40)}"
        identity.postal_code, identity.city = postal_code, city
        mailbox = f"{ascii_slug(identity.first_names)}.{ascii_slug(identity.last_name)}"
        identity.personal_email = f"{mailbox}{rng.randint(1, 99)}@courriel.example"
        identity.personal_phone = self.phone()

    def _bank(self, identity: Identity) -> None:
        bank, bic = self.rng.choice(BANKS)
        identity.iban = make_french_iban(
            bank=bank, branch=self.rng.randrange(1, 99_999), account=self.rng.randrange(10**10)
        )
        identity.bic = bic

    def _family(self, identity: Identity, today: date) -> None:
        rng = self.rng
        age = (today - identity.birth_date).days // 365
        if age < 25:
            status = rng.choices(["celibataire", "concubinage", "pacse"], [70, 20, 10])[0]
        else:
            status = rng.choices(
                ["marie", "pacse", "concubinage", "celibataire", "divorce", "separe", "veuf"],
                [40, 15, 12, 18, 10, 3, 2 if age > 50 else 0],
            )[0]
        identity.family_status = status
        if age >= 26 and status != "celibataire":
            identity.children_count = rng.choices([0, 1, 2, 3, 4], [25, 25, 32, 14, 4])[0]
        elif age >= 26:
            identity.children_count = rng.choices([0, 1, 2], [75, 15, 10])[0]
        partner_sex = ("F" if identity.sex == "M" else "M") if rng.random() < 0.93 else identity.sex
        if status in {"marie", "pacse", "concubinage"}:
            partner_last = identity.last_name if status == "marie" else rng.choice(LAST_NAMES)
            identity.emergency_contact_name = f"{self.first_name(partner_sex)} {partner_last}"
            identity.emergency_contact_relation = {
                "marie": "Conjoint(e)",
                "pacse": "Partenaire de PACS",
                "concubinage": "Compagnon, compagne",
            }[status]
            if (
                status == "marie"
                and identity.sex == "F"
                and partner_sex == "M"
                and rng.random() < 0.5
            ):
                # She uses her husband's name; her file keeps her birth name.
                spouse_name = rng.choice(LAST_NAMES)
                identity.usage_name = spouse_name
                identity.emergency_contact_name = f"{self.first_name('M')} {spouse_name}"
        else:
            relation = rng.choice(["Mère", "Père", "Sœur", "Frère", "Ami(e)"])
            relative_sex = "F" if relation in {"Mère", "Sœur"} else "M"
            friend = relation == "Ami(e)"
            relative_last = rng.choice(LAST_NAMES) if friend else identity.last_name
            identity.emergency_contact_name = f"{self.first_name(relative_sex)} {relative_last}"
            identity.emergency_contact_relation = relation
        identity.emergency_contact_phone = self.phone()
