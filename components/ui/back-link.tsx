import Link from "next/link";

/** "← Exceptions": the link back to the list a page belongs to. */
export function BackLink({ href, label, className = "text-sm" }: { href: string; label: string; className?: string }) {
  return (
    <p className={className}>
      <Link href={href} className="text-indigo-700 hover:underline">
        {`← ${label}`}
      </Link>
    </p>
  );
}
