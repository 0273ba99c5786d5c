import { Badge } from "@/components/ui/badge";

/** Marks the latest of a list of revisions. */
export function LatestBadge() {
  return (
    <Badge tone="blue" className="ml-2">
      Latest
    </Badge>
  );
}
