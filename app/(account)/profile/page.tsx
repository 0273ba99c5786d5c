import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { getProfile } from "@/lib/dal/accounts/profile";
import { SUPPORTED_LOCALES, timeZoneList } from "@/lib/format/locales";
import { PASSWORD_CHANGED, PASSWORD_CHANGED_PARAM } from "@/lib/validation/accounts";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ProfileForm } from "@/components/accounts/profile-form";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { EmptyState } from "@/components/ui/empty-state";
import { changePasswordAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/profile");
  if (viewer.via !== "session") {
    return (
      <div className="space-y-6">
        <PageHeader title="Your profile" />
        <EmptyState title="Sign in to change your profile" description="Your profile and password are changed from a signed-in browser session, not with an API token." />
      </div>
    );
  }
  const profile = await withViewerDb(viewer, (db) => getProfile(db, viewer));
  const changed = (await searchParams)[PASSWORD_CHANGED_PARAM] === "1";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Your profile"
        description={`Signed in as ${profile.email}. To use another e-mail address, ask an administrator.`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Profile" description="How your name appears to colleagues, and how numbers, dates and times are shown to you." />
          <CardBody>
            <ProfileForm
              action={updateProfileAction}
              profile={{ name: profile.name, locale: profile.locale, timeZone: profile.timeZone, notifyEmail: profile.notifyEmail }}
              locales={SUPPORTED_LOCALES}
              timeZones={timeZoneList()}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Password" description="Changing it signs out your other sessions; this one stays signed in." />
          <CardBody>
            <ChangePasswordForm action={changePasswordAction} notice={changed ? PASSWORD_CHANGED : null} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
