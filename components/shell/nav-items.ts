import type { Role } from "@/lib/auth/viewer";

export interface NavItem {
  href: string;
  label: string;
}

const DISTRIBUTOR: NavItem[] = [
  { href: "/submit", label: "Submit" },
  { href: "/history", label: "History" },
  { href: "/standing", label: "Compliance & rebate" },
  { href: "/my-exceptions", label: "Exceptions" },
  { href: "/settings/tokens", label: "API tokens" },
];

const STAFF: NavItem[] = [
  { href: "/gaps", label: "Gaps" },
  { href: "/exceptions", label: "Exceptions" },
  { href: "/compliance", label: "Compliance" },
  { href: "/health", label: "Health" },
  { href: "/rebates", label: "Rebates" },
];

const ADMIN: NavItem[] = [...STAFF, { href: "/admin", label: "Data" }];

export function navItemsFor(role: Role): NavItem[] {
  if (role === "distributor") return DISTRIBUTOR;
  if (role === "admin") return ADMIN;
  return STAFF;
}

export const ROLE_LABELS: Record<Role, string> = {
  distributor: "Distributor",
  channel_manager: "Channel manager",
  rebate_analyst: "Rebate analyst",
  admin: "Admin",
};
