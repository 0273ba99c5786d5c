import type { ApiTokenSummary } from "@/lib/dal/tokens/list-api-tokens";
import { Badge } from "@/components/ui/badge";
import { ActionsHead, Table, TBody, TD, TH, TR, HeadRow } from "@/components/ui/table";
import { LocalTime } from "@/components/history/local-time";
import { RevokeToken } from "./revoke-token";
import type { RevokeTokenAction } from "@/lib/validation/tokens";

/** The user's tokens (never their secrets), active and revoked. */
export function TokensTable({ tokens, revokeAction }: { tokens: ApiTokenSummary[]; revokeAction: RevokeTokenAction }) {
  return (
    <Table label="Your API tokens">
      <HeadRow columns={["Name", "Token", "Created", "Last used", "Status", <ActionsHead key="actions" />]} />
      <TBody>
        {tokens.map((t) => (
          <TR key={t.id} data-token-id={t.id} className={t.active ? undefined : "text-slate-600"}>
            <TH scope="row" className="max-w-64 truncate" title={t.name}>
              {t.name}
            </TH>
            <TD>
              <code className="font-mono text-xs text-slate-800">
                {t.prefix}
                <span aria-hidden="true">…</span>
              </code>
            </TD>
            <TD className="whitespace-nowrap">
              <LocalTime iso={t.createdAt} />
            </TD>
            <TD className="whitespace-nowrap">{t.lastUsedAt ? <LocalTime iso={t.lastUsedAt} /> : <span className="text-slate-600">Never</span>}</TD>
            <TD className="whitespace-nowrap">
              {t.active ? (
                <Badge tone="green" dot>
                  Active
                </Badge>
              ) : (
                <span className="inline-flex flex-col items-start gap-0.5">
                  <Badge tone="neutral" dot>
                    Revoked
                  </Badge>
                  {t.revokedAt ? (
                    <span className="text-xs text-slate-600">
                      <LocalTime iso={t.revokedAt} />
                    </span>
                  ) : null}
                </span>
              )}
            </TD>
            <TD className="text-right align-top">{t.active ? <RevokeToken id={t.id} name={t.name} action={revokeAction} /> : null}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
