import { Body, Container, Head, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { colors, fontFamily } from "./theme";

/** The frame every Warmind email shares: dark Destiny look, a header mark and a footer. */
export function EmailLayout({
  preview,
  footer,
  children,
}: {
  preview: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="dark" />
        <meta name="supported-color-schemes" content="dark" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.ink, color: colors.text, fontFamily, margin: 0 }}>
        <Container style={{ maxWidth: "640px", margin: "0 auto", padding: "24px 16px" }}>
          <Text
            style={{
              color: colors.accent,
              fontSize: "14px",
              fontWeight: 700,
              letterSpacing: "0.12em",
              textTransform: "uppercase",
              margin: "0 0 16px",
            }}
          >
            Warmind
          </Text>
          {children}
          <Section
            style={{ borderTop: `1px solid ${colors.line}`, marginTop: "32px", paddingTop: "16px" }}
          >
            {footer}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function FooterLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={{ color: colors.accent, textDecoration: "underline" }}>
      {children}
    </Link>
  );
}

export function SmallText({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" }}>
      {children}
    </Text>
  );
}
