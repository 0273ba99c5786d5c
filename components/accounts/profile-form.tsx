"use client";

import { startTransition, useActionState, useSyncExternalStore, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { profileSchema, type ProfileState } from "@/lib/validation/accounts";
import type { SupportedLocale } from "@/lib/format/locales";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { FormMessage } from "@/components/ui/form-message";

export interface ProfileFormProps {
  /** The `updateProfileAction` server action. */
  action: (state: ProfileState, formData: FormData) => Promise<ProfileState>;
  profile: { name: string; locale: string | null; timeZone: string | null; notifyEmail: boolean };
  locales: readonly SupportedLocale[];
  timeZones: string[];
}

type ProfileFields = z.input<typeof profileSchema>;

/** The browser's own locale and time zone, for the "Browser default" hints (the server cannot know them: null there). */
let browserDefaults: { locale: string; timeZone: string } | undefined;
const readBrowserDefaults = () => {
  const o = Intl.DateTimeFormat().resolvedOptions();
  return (browserDefaults ??= { locale: navigator.language || o.locale, timeZone: o.timeZone });
};
const noSubscription = () => () => {};
const useBrowserDefaults = () => useSyncExternalStore(noSubscription, readBrowserDefaults, () => null);

/** Name, language and number format, time zone, e-mail notices. "Browser default" is stored as none. */
export function ProfileForm({ action, profile, locales, timeZones }: ProfileFormProps) {
  const [state, formAction, pending] = useActionState(action, { ok: null });
  const browser = useBrowserDefaults();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ProfileFields>({
    resolver: zodResolver(profileSchema),
    defaultValues: { name: profile.name, locale: profile.locale ?? "", timeZone: profile.timeZone ?? "", notifyEmail: profile.notifyEmail },
  });
  // A stored zone the list does not hold (an alias) stays selectable.
  const zones = profile.timeZone && !timeZones.includes(profile.timeZone) ? [profile.timeZone, ...timeZones] : timeZones;

  const server: Partial<Record<string, string[]>> = state.ok === false ? state.fieldErrors : {};
  const err = (k: keyof ProfileFields) => (errors[k]?.message as string | undefined) ?? server[k];
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label="Profile">
      <FormMessage
        testId="profile-message"
        error={state.ok === false && !pending ? state.formError : null}
        success={state.ok === true && !pending ? state.message : null}
      />
      <Field label="Name" id="profile-name" error={err("name")}>
        <Input autoComplete="name" required {...register("name")} />
      </Field>
      <Field
        label="Language and number format"
        id="profile-locale"
        hint={browser ? `Browser default here: ${browser.locale}` : "Browser default: your browser's language"}
        error={err("locale")}
      >
        <Select {...register("locale")}>
          <option value="">Browser default</option>
          {locales.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label} — {l.code}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Time zone"
        id="profile-time-zone"
        hint={browser ? `Dates and times are shown in it. Browser default here: ${browser.timeZone}` : "Dates and times are shown in it."}
        error={err("timeZone")}
      >
        <Select {...register("timeZone")}>
          <option value="">Browser default</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-start gap-2">
        <input
          id="profile-notify-email"
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-400 text-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          aria-describedby="profile-notify-email-hint"
          {...register("notifyEmail")}
        />
        <div>
          <label htmlFor="profile-notify-email" className="block text-sm font-medium text-slate-800">
            E-mail notifications
          </label>
          <p id="profile-notify-email-hint" className="text-xs text-slate-600">
            Corrections waiting for your approval, answers to your questions. Notices in the app are always shown.
          </p>
        </div>
      </div>
      <Button type="submit" pending={pending}>
        {pending ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
