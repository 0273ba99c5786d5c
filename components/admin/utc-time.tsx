/** An instant as "2026-03-02 14:05:09 UTC", the same on the server and in every browser. */
export function UtcTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const text = iso.slice(0, 10) + " " + iso.slice(11, seconds ? 19 : 16);
  return (
    <time dateTime={iso} className="whitespace-nowrap tabular-nums">
      {text}
      <span className="text-slate-500"> UTC</span>
    </time>
  );
}
