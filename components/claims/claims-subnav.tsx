import { Subnav } from "@/components/ui/subnav";

const SECTIONS = [
  { href: "/claims", label: "Claims" },
  { href: "/authorizations", label: "Authorisations" },
] as const;

/** Tabs between the ship & debit screens. */
export function ClaimsSubnav() {
  return <Subnav label="Ship & debit" sections={SECTIONS} />;
}
