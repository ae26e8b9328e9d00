// The demo company: deterministic, so every sandbox tells the same story and tests can name records.

const PRODUCT_NAMES = [
  'Oak Desk',
  'Walnut Desk',
  'Standing Desk Frame',
  'Desk Lamp',
  'Monitor Arm',
  'Ergonomic Chair',
  'Task Chair',
  'Meeting Table',
  'Bookshelf',
  'Filing Cabinet',
  'Whiteboard',
  'Cable Tray',
  'Footrest',
  'Keyboard Tray',
  'Acoustic Panel',
  'Pendant Light',
  'Floor Lamp',
  'Planter Box',
  'Coat Stand',
  'Side Table',
  'Sofa, Two Seat',
  'Lounge Chair',
  'Bar Stool',
  'Drawer Unit',
  'Locker',
  'Room Divider',
  'Wall Clock',
  'Desk Organizer',
  'Laptop Stand',
  'Docking Station',
  'Wireless Charger',
  'Webcam',
  'Headset',
  'Conference Speaker',
  'Power Strip',
  'Surge Protector',
  'Floor Mat',
  'Privacy Screen',
  'Phone Booth',
  'Reception Desk',
  'Installation',
  'Delivery',
  'Assembly',
  'Design Consultation',
  'Space Planning',
  'Extended Warranty',
  'Repair Visit',
  'Removal of Old Furniture',
  'Fabric Upgrade',
  'Rush Handling',
];

export interface DemoProduct {
  name: string;
  sku: string | null;
  price: string;
}

/** 50 products; the ten services at the end have no SKU (matched by name, or not at all). */
export const DEMO_PRODUCTS: DemoProduct[] = PRODUCT_NAMES.map((name, i) => ({
  name,
  sku: i < 40 ? `NW-${String(1001 + i)}` : null,
  price: String(((i * 37) % 900) + 25 + (i % 4) * 0.25),
}));

const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Gringotts',
  'Monarch',
  'Oceanic',
  'Pied Piper',
  'Prestige',
  'Sterling',
  'Aperture',
  'Black Mesa',
  'Dunder',
  'Massive',
  'Nakatomi',
  'Oscorp',
  'Paper Street',
  'Rekall',
  'Sirius',
  'Virtucon',
  'Weyland',
  'Zorg',
];
const SUFFIXES = ['Ltd', 'Inc.', 'LLC', 'Group', 'Studio', 'Partners'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Radia'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
];

export const DEMO_COMPANIES: string[] = COMPANY_WORDS.map((w, i) => `${w} ${SUFFIXES[i % SUFFIXES.length]}`);

export interface DemoContact {
  firstname: string;
  lastname: string;
  email: string;
  /** Absent for a buyer who is not at a company: the QBO display name is then the person's name. */
  company?: string;
}

/**
 * Contacts that join a company which already has one: a customer's display name is its company's
 * name and only the first contact of a company takes it, so each of these shows the
 * duplicate-display-name failure (R-ERR-2), and an invoice billed to one of them the missing
 * customer (R-ERR-1). A few, as a real portal has, not a wall of failures.
 */
const COMPANY_SHARERS = new Set([30, 61, 75, 88]);

/**
 * 100 contacts: the first 30 each at their own company, the sharers above at one of those, and the
 * rest individual buyers (display name = their own name, R-OBJ-2).
 */
export const DEMO_CONTACTS: DemoContact[] = Array.from({ length: 100 }, (_, i) => {
  const company =
    i < DEMO_COMPANIES.length || COMPANY_SHARERS.has(i)
      ? DEMO_COMPANIES[i % DEMO_COMPANIES.length]
      : undefined;
  const firstname = FIRST[i % FIRST.length] ?? 'Ada';
  const lastname = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Lovelace';
  const domain = company ? company.toLowerCase().replace(/[^a-z]+/g, '') : 'mail';
  return {
    firstname,
    lastname,
    email: `${firstname}.${lastname}.${i}@${domain}.example`.toLowerCase(),
    ...(company ? { company } : {}),
  };
});
