import { Subnav } from "@/components/ui/subnav";

export interface AdminSection {
  href: string;
  label: string;
}

/** Tabs between the data admin screens (the overview `/admin` is current on itself only). */
export function AdminSubnav({ sections }: { sections: AdminSection[] }) {
  return <Subnav label="Data admin" sections={sections.map((s) => ({ ...s, exact: s.href === "/admin" }))} />;
}
