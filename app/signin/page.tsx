import type { Metadata } from "next";
import { SignInPanel } from "@/components/auth/sign-in-panel";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return <SignInPanel callbackUrl={first(params.callbackUrl)} error={first(params.error)} />;
}
