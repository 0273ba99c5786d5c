import type { Role } from "@/lib/auth/viewer";

export interface NavItem {
  href: string;
  label: string;
  /** Other sections the item stands for (marked current there too): Claims covers /authorizations. */
  also?: readonly string[];
}

const DISTRIBUTOR: NavItem[] = [
  { href: "/submit", label: "Submit" },
  { href: "/history", label: "History" },
  { href: "/standing", label: "Compliance & rebate" },
  { href: "/my-exceptions", label: "Exceptions" },
  { href: "/my-claims", label: "Claims" },
  { href: "/settings/tokens", label: "API tokens" },
];

const STAFF: NavItem[] = [
  { href: "/gaps", label: "Gaps" },
  { href: "/exceptions", label: "Exceptions" },
  { href: "/compliance", label: "Compliance" },
  { href: "/health", label: "Health" },
  { href: "/rebates", label: "Rebates" },
  { href: "/claims", label: "Claims", also: ["/authorizations"] },
];

export interface AdminPage extends NavItem {
  /** Who may open it: the same roles as the page's own check, its actions and its data layer. */
  roles: readonly Role[];
}

/**
 * The data admin screens and who may use each, in one list: the main navigation and the admin tabs
 * (app/(manufacturer)/admin/layout.tsx) both read it. It is navigation only — every page, action and
 * DAL call checks the role again (admin-overview and load-sell-in: admin or channel manager; the rest: admin).
 */
export const ADMIN_PAGES: readonly AdminPage[] = [
  { href: "/admin", label: "Overview", roles: ["admin", "channel_manager"] },
  { href: "/admin/sell-in", label: "Sell-in", roles: ["admin", "channel_manager"] },
  { href: "/admin/distributors", label: "Distributors", roles: ["admin"] },
  { href: "/admin/products", label: "Products", roles: ["admin"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { href: "/admin/outbox", label: "Outbox", roles: ["admin"] },
  { href: "/admin/settings", label: "Settings", roles: ["admin"] },
];

/** The admin screens `role` may open (none for a rebate analyst or a distributor). */
export function adminPagesFor(role: Role): AdminPage[] {
  return ADMIN_PAGES.filter((p) => p.roles.includes(role));
}

/**
 * Staff see the admin screens they may use: several → "Data" (the overview, with tabs for each);
 * one besides the overview → that screen by name (a channel manager: "Sell-in"); none → nothing.
 */
function adminEntry(role: Role): NavItem[] {
  const pages = adminPagesFor(role).filter((p) => p.href !== "/admin");
  if (pages.length === 0) return [];
  if (pages.length === 1) return [{ href: pages[0]!.href, label: pages[0]!.label }];
  return [{ href: "/admin", label: "Data" }];
}

export function navItemsFor(role: Role): NavItem[] {
  if (role === "distributor") return DISTRIBUTOR;
  return [...STAFF, ...adminEntry(role)];
}

export const ROLE_LABELS: Record<Role, string> = {
  distributor: "Distributor",
  channel_manager: "Channel manager",
  rebate_analyst: "Rebate analyst",
  admin: "Admin",
};
