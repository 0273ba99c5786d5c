import type { Metadata } from "next";
import { headers } from "next/headers";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listApiTokens } from "@/lib/dal/tokens/list-api-tokens";
import { getSettings } from "@/lib/dal/settings/get-settings";
import { latestEndedPeriod } from "@/lib/domain/periods";
import { MAX_ACTIVE_TOKENS } from "@/lib/validation/tokens";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateTokenPanel } from "@/components/tokens/create-token-panel";
import { TokensTable } from "@/components/tokens/tokens-table";
import { UsageSnippet } from "@/components/tokens/usage-snippet";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

/** The address this app is reached at, for the usage example. */
async function originOf(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const proto = forwarded === "http" || forwarded === "https" ? forwarded : local ? "http" : "https";
  return `${proto}://${host}`;
}

export default async function ApiTokensPage() {
  const viewer = await requirePageViewer("/settings/tokens");
  if (viewer.via !== "session") {
    return (
      <div className="space-y-6">
        <PageHeader title="API tokens" />
        <EmptyState title="Sign in to manage API tokens" description="Tokens are created and revoked from a signed-in browser session, not with a token." />
      </div>
    );
  }
  const [[tokens, settings], origin] = await Promise.all([
    withViewerDb(viewer, (db) => Promise.all([listApiTokens(db, viewer), getSettings(db)])),
    originOf(),
  ]);
  const active = tokens.filter((t) => t.active).length;
  const period = latestEndedPeriod(new Date(), settings.timeZone);

  return (
    <div className="space-y-6">
      <PageHeader
        title="API tokens"
        description="Tokens let your ERP or scripts read and submit your monthly reports through the REST API, without a password. Each acts as you, for your company only."
      />

      <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Create a token"
              description={`The secret is shown once. You can have up to ${MAX_ACTIVE_TOKENS} active tokens (${active} now).`}
            />
            <CardBody>
              <CreateTokenPanel action={createTokenAction} />
            </CardBody>
          </Card>

          <section aria-labelledby="tokens-heading" className="space-y-3">
            <h2 id="tokens-heading" className="text-base font-semibold text-slate-900">
              Your tokens
            </h2>
            {tokens.length === 0 ? (
              <EmptyState title="No API tokens yet" description="Create one above when a system needs to talk to Sellthru on your behalf." />
            ) : (
              <TokensTable tokens={tokens} revokeAction={revokeTokenAction} />
            )}
          </section>
        </div>

        <Card className="self-start">
          <CardHeader title="How to use a token" />
          <CardBody>
            <UsageSnippet origin={origin} period={period} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
