"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resendConfirmation, saveDigestSettings, stopDigest } from "@/app/settings/digest/actions";
import type { DigestSettingsData } from "@/lib/digest/load-digest-settings";
import type { DigestSettingsState } from "@/lib/digest/settings-form";
import { SALE_FILTER_LABELS, SALE_FILTERS } from "@/lib/vendors/filters";

const IDLE: DigestSettingsState = { status: "idle", message: "" };

export function DigestSettingsForm({ data }: { data: DigestSettingsData }) {
  const [state, save, saving] = useActionState(saveDigestSettings, IDLE);
  const [resendState, resend, resending] = useActionState(resendConfirmation, IDLE);
  const [stopState, stop, stopping] = useActionState(stopDigest, IDLE);
  const values = state.values ?? {
    email: data.email,
    filters: data.filters,
    vendorHashes: data.vendorHashes.map(String),
    characterId: data.characterId ?? "",
  };
  const errors = state.fieldErrors ?? {};
  const latest = [state, resendState, stopState].reduce((a, b) =>
    (b.at ?? 0) > (a.at ?? 0) ? b : a,
  );

  return (
    <div className="mx-auto grid max-w-2xl grid-cols-[minmax(0,1fr)] gap-6">
      <div>
        <h1 className="text-2xl font-bold">Vendor digest</h1>
        <p className="text-muted">
          An email after each daily reset (17:00 UTC) with what your vendors sell, filtered your
          way.
        </p>
      </div>

      <StatusPanel data={data} />

      <p
        role="status"
        aria-live="polite"
        data-testid="digest-message"
        className={`min-h-6 text-sm [overflow-wrap:anywhere] ${latest?.status === "error" ? "text-danger" : latest?.status === "throttled" || latest?.status === "queued" ? "text-text" : "text-ok"}`}
      >
        {latest?.message}
      </p>

      <form action={save} className="grid gap-6" noValidate>
        <div className="grid gap-1.5">
          <label htmlFor="digest-email" className="font-semibold">
            Email address
          </label>
          <input
            id="digest-email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={values.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "digest-email-error" : "digest-email-help"}
            className="border-line bg-panel text-text placeholder:text-muted aria-[invalid]:border-danger rounded-md border px-3 py-2.5"
            placeholder="you@example.com"
          />
          {errors.email ? (
            <p id="digest-email-error" className="text-danger text-sm">
              {errors.email}
            </p>
          ) : (
            <p id="digest-email-help" className="text-muted text-sm">
              We send a link to confirm it&apos;s yours before any digest.
            </p>
          )}
        </div>

        {data.characters.length > 0 ? (
          <fieldset className="grid gap-2">
            <legend className="mb-1 font-semibold">Character</legend>
            <p className="text-muted text-sm">Vendors sell class items per character.</p>
            <div className="flex flex-wrap gap-2">
              <Choice
                type="radio"
                name="characterId"
                value=""
                label="Most recently played"
                defaultChecked={values.characterId === ""}
              />
              {data.characters.map((c) => (
                <Choice
                  key={c.characterId}
                  type="radio"
                  name="characterId"
                  value={c.characterId}
                  label={c.label}
                  defaultChecked={values.characterId === c.characterId}
                />
              ))}
            </div>
            {errors.characterId ? (
              <p className="text-danger text-sm">{errors.characterId}</p>
            ) : null}
          </fieldset>
        ) : null}

        <fieldset className="grid gap-2">
          <legend className="mb-1 font-semibold">Filters</legend>
          <p className="text-muted text-sm">
            Weapons, armour and mods add up; &ldquo;Exotics only&rdquo; and &ldquo;Not yet
            owned&rdquo; narrow them. None: everything on sale.
          </p>
          <div className="flex flex-wrap gap-2">
            {SALE_FILTERS.map((filter) => (
              <Choice
                key={filter}
                type="checkbox"
                name="filters"
                value={filter}
                label={SALE_FILTER_LABELS[filter]}
                defaultChecked={values.filters.includes(filter)}
              />
            ))}
          </div>
          {errors.filters ? <p className="text-danger text-sm">{errors.filters}</p> : null}
        </fieldset>

        <fieldset className="grid gap-2">
          <legend className="mb-1 font-semibold">Vendors</legend>
          <p className="text-muted text-sm">None chosen: every vendor with stock.</p>
          {data.vendorsError ? <p className="text-danger text-sm">{data.vendorsError}</p> : null}
          {/* Up to 231 vendors: those off screen skip style, layout and paint until scrolled to
              (content-visibility), which is most of this page's load on a phone; their icons
              load as they come near (231 eager icons were half the page's bytes). */}
          <div className="grid gap-2 sm:grid-cols-2">
            {data.vendors.map((v) => (
              <label
                key={v.vendorHash}
                className="border-line bg-panel hover:bg-panel-2 has-[:checked]:border-accent flex cursor-pointer items-center gap-3 rounded-md border p-2.5 [contain-intrinsic-height:auto_62px] [content-visibility:auto]"
              >
                <input
                  type="checkbox"
                  name="vendorHashes"
                  value={v.vendorHash}
                  defaultChecked={values.vendorHashes.includes(String(v.vendorHash))}
                  className="accent-accent size-4"
                />
                {v.iconUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={v.iconUrl}
                    alt=""
                    width={32}
                    height={32}
                    loading="lazy"
                    decoding="async"
                    className="size-8 rounded"
                  />
                ) : null}
                <span className="grid min-w-0">
                  <span className="truncate font-medium">{v.name}</span>
                  <span className="text-muted truncate text-xs">
                    {v.availableNow ? v.subtitle : "Not in the game right now"}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {errors.vendorHashes ? (
            <p className="text-danger text-sm">{errors.vendorHashes}</p>
          ) : null}
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={saving}
            className="bg-accent text-accent-ink rounded-md px-4 py-2.5 font-semibold hover:brightness-110 disabled:opacity-60"
          >
            {saving
              ? "Saving…"
              : data.status === "active"
                ? "Save changes"
                : "Save and confirm my address"}
          </button>
        </div>
      </form>

      {data.status === "pending" || data.status === "active" ? (
        <div className="border-line flex flex-wrap gap-3 border-t pt-5">
          {data.status === "pending" ? (
            <form action={resend}>
              <button
                type="submit"
                disabled={resending}
                className="border-line hover:bg-panel-2 rounded-md border px-4 py-2 font-medium disabled:opacity-60"
              >
                Send the link again
              </button>
            </form>
          ) : null}
          <form action={stop}>
            <button
              type="submit"
              disabled={stopping}
              className="border-danger/60 text-danger hover:bg-panel-2 rounded-md border px-4 py-2 font-medium disabled:opacity-60"
            >
              Stop the digest
            </button>
          </form>
        </div>
      ) : null}

      {data.transport === "outbox" ? (
        <p className="border-line bg-panel text-muted rounded-md border p-3 text-sm">
          No mail service is configured here, so Warmind keeps its emails in{" "}
          <Link href="/outbox" className="text-accent font-medium underline">
            your outbox
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}

function StatusPanel({ data }: { data: DigestSettingsData }) {
  const pending = data.confirmationQueued
    ? `Waiting to send the confirmation link to ${data.email}: many are going out right now, and it is sent as soon as the hourly limit allows.`
    : data.confirmAgain
      ? `Confirm ${data.email} again: it was confirmed in Warmind's demo outbox, which proves nothing now that real email is set up. Send the link again and open it from your inbox.`
      : `Waiting for you to confirm ${data.email}: open the link we emailed.`;
  const text = {
    none: "You are not subscribed.",
    pending,
    active: `Active: a digest goes to ${data.email} after each daily reset.`,
    unsubscribed: `Off: ${data.email} was unsubscribed. Save again to restart (we'll ask to confirm).`,
  }[data.status];
  return (
    <p
      data-testid="digest-status"
      data-status={data.status}
      className={`bg-panel rounded-md border p-3 text-sm [overflow-wrap:anywhere] ${data.status === "active" ? "border-ok/60" : "border-line"}`}
    >
      {text}
    </p>
  );
}

function Choice(props: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: string;
  defaultChecked: boolean;
}) {
  return (
    <label className="border-line bg-panel hover:bg-panel-2 has-[:checked]:border-accent flex cursor-pointer items-center gap-2 rounded-full border px-3.5 py-2 text-sm">
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        defaultChecked={props.defaultChecked}
        className="accent-accent size-4"
      />
      {props.label}
    </label>
  );
}
