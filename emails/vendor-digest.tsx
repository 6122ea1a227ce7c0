import { Column, Heading, Img, Row, Section, Text } from "@react-email/components";
import { Fragment } from "react";
import type { VendorSaleView, VendorView, VendorsView } from "../lib/vendors/types";
import { EmailLayout, FooterLink, SmallText } from "./_parts/email-layout";
import { formatQuantity, formatUtc } from "../lib/vendors/format";
import { colors, RARITY_COLORS, RARITY_TEXT_COLORS } from "./_parts/theme";

export type VendorDigestProps = {
  /** "Guardian#1234" */
  playerName: string;
  /** "Hunter, Power 544" */
  characterLabel: string;
  /** The reset this digest is for, as a date line ("Tuesday 25 November 2026"). */
  resetLabel: string;
  /** What the subscription keeps ("Exotics only, Weapons" or "Everything on sale"). */
  filtersLabel: string;
  /** Already filtered to the subscription's vendors and filters. */
  view: VendorsView;
  vendorsUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
};

/** The digest sent after each daily reset: what the player's vendors sell today. */
export default function VendorDigest(props: VendorDigestProps) {
  const saleCount = props.view.groups.reduce(
    (n, g) => n + g.vendors.reduce((m, v) => m + v.sales.length, 0),
    0,
  );
  const vendorCount = props.view.groups.reduce((n, g) => n + g.vendors.length, 0);
  return (
    <EmailLayout
      preview={`${saleCount} ${saleCount === 1 ? "sale" : "sales"} at ${vendorCount} ${vendorCount === 1 ? "vendor" : "vendors"} for ${props.characterLabel}`}
      footer={
        <>
          <SmallText>
            You get this email because {props.playerName} subscribed to the Warmind vendor digest (
            {props.filtersLabel}).
          </SmallText>
          <SmallText>
            <FooterLink href={props.vendorsUrl}>See every vendor in Warmind</FooterLink>
            {" · "}
            <FooterLink href={props.settingsUrl}>Change vendors and filters</FooterLink>
            {" · "}
            <FooterLink href={props.unsubscribeUrl}>Unsubscribe</FooterLink>
          </SmallText>
        </>
      }
    >
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", margin: "0 0 4px" }}>
        Vendors for {props.resetLabel}
      </Heading>
      <Text style={{ color: colors.muted, fontSize: "14px", margin: "0 0 24px" }}>
        {props.characterLabel} · {props.filtersLabel}
      </Text>
      {props.view.groups.map((group) => (
        <Section key={group.groupHash} style={{ marginBottom: "24px" }}>
          <Heading
            as="h2"
            style={{
              color: colors.accent,
              fontSize: "13px",
              letterSpacing: "0.1em",
              textTransform: "uppercase",
              margin: "0 0 12px",
            }}
          >
            {group.name}
          </Heading>
          {group.vendors.map((vendor) => (
            <VendorBlock key={vendor.vendorHash} vendor={vendor} />
          ))}
        </Section>
      ))}
      {props.view.failedVendors.length > 0 ? (
        <SmallText>
          Bungie.net did not answer for {props.view.failedVendors.map((v) => v.name).join(", ")};
          see them in Warmind later.
        </SmallText>
      ) : null}
    </EmailLayout>
  );
}

function VendorBlock({ vendor }: { vendor: VendorView }) {
  return (
    <Section
      style={{
        backgroundColor: colors.panel,
        border: `1px solid ${colors.line}`,
        borderRadius: "8px",
        padding: "12px 16px",
        marginBottom: "12px",
      }}
    >
      <Row>
        {vendor.iconUrl ? (
          <Column style={{ width: "44px", verticalAlign: "middle" }}>
            <Img
              src={vendor.iconUrl}
              width="36"
              height="36"
              alt=""
              style={{ borderRadius: "4px" }}
            />
          </Column>
        ) : null}
        <Column style={{ verticalAlign: "middle" }}>
          <Heading as="h3" style={{ color: colors.text, fontSize: "18px", margin: 0 }}>
            {vendor.name}
          </Heading>
          <Text style={{ color: colors.muted, fontSize: "13px", margin: 0 }}>
            {[
              vendor.subtitle,
              vendor.nextRefreshDate ? `refreshes ${formatUtc(vendor.nextRefreshDate)}` : "",
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Column>
      </Row>
      {vendor.sales.map((sale) => (
        <SaleRow key={sale.vendorItemIndex} sale={sale} vendorRefresh={vendor.nextRefreshDate} />
      ))}
    </Section>
  );
}

function SaleRow({ sale, vendorRefresh }: { sale: VendorSaleView; vendorRefresh: string | null }) {
  const rarityColor = RARITY_COLORS[sale.rarity] ?? colors.line;
  const leaves = sale.refreshesAt && sale.refreshesAt !== vendorRefresh ? sale.refreshesAt : null;
  return (
    <Row style={{ borderTop: `1px solid ${colors.line}`, marginTop: "10px", paddingTop: "10px" }}>
      <Column style={{ width: "60px", verticalAlign: "top", paddingTop: "10px" }}>
        {sale.iconUrl ? (
          <Img
            src={sale.iconUrl}
            width="48"
            height="48"
            alt=""
            style={{ border: `2px solid ${rarityColor}`, borderRadius: "4px" }}
          />
        ) : null}
      </Column>
      <Column style={{ verticalAlign: "top", paddingTop: "10px" }}>
        <Text style={{ color: colors.text, fontSize: "15px", fontWeight: 700, margin: 0 }}>
          {sale.name}
          {sale.quantity > 1 ? ` ×${formatQuantity(sale.quantity)}` : ""}
        </Text>
        <Text style={{ color: colors.muted, fontSize: "13px", margin: 0 }}>
          <span style={{ color: RARITY_TEXT_COLORS[sale.rarity] ?? colors.muted }}>
            {sale.rarityName}
          </span>
          {sale.typeName ? ` ${sale.typeName}` : ""}
          {sale.gearTier ? ` · Tier ${sale.gearTier}` : ""}
          {sale.owned === false ? " · not yet owned" : ""}
          {leaves ? ` · leaves ${formatUtc(leaves)}` : ""}
        </Text>
        <Text style={{ color: colors.text, fontSize: "13px", margin: "4px 0 0" }}>
          {sale.costs.length === 0 ? "Free" : null}
          {sale.costs.map((cost, index) => (
            <Fragment key={cost.itemHash}>
              {/* Between costs, not inside one, a narrow screen may wrap the line. */}
              {index > 0 ? " + " : ""}
              <span style={{ whiteSpace: "nowrap" }}>
                {cost.iconUrl ? (
                  <Img
                    src={cost.iconUrl}
                    width="16"
                    height="16"
                    alt=""
                    style={{ display: "inline", verticalAlign: "middle", marginRight: "4px" }}
                  />
                ) : null}
                {formatQuantity(cost.quantity)} {cost.name}
              </span>
            </Fragment>
          ))}
        </Text>
      </Column>
    </Row>
  );
}

// Shown by `npm run email` (the react-email preview); the app always passes real data.
VendorDigest.PreviewProps = {
  playerName: "Guardian#0042",
  characterLabel: "Hunter, Power 544",
  resetLabel: "Wednesday 25 November 2026",
  filtersLabel: "Everything on sale",
  vendorsUrl: "http://localhost:3000/vendors",
  settingsUrl: "http://localhost:3000/settings/digest",
  unsubscribeUrl: "http://localhost:3000/api/digest/unsubscribe?token=preview",
  view: {
    collectionsKnown: false,
    failedVendors: [],
    groups: [
      {
        groupHash: 1,
        name: "The Last City",
        vendors: [
          {
            vendorHash: 672118013,
            name: "Banshee-44",
            subtitle: "Gunsmith",
            iconUrl: null,
            nextRefreshDate: "2026-11-26T17:00:00Z",
            sales: [
              {
                vendorItemIndex: 3,
                itemHash: 1,
                name: "Fatebringer",
                iconUrl: null,
                rarity: 5,
                rarityName: "Legendary",
                gearTier: 4,
                typeName: "Hand Cannon",
                kind: "weapon",
                quantity: 1,
                costs: [
                  { itemHash: 3159615086, name: "Glimmer", iconUrl: null, quantity: 10000 },
                  { itemHash: 4041218086, name: "Chronologs", iconUrl: null, quantity: 20 },
                ],
                refreshesAt: "2026-11-26T17:00:00Z",
                owned: null,
              },
            ],
          },
        ],
      },
    ],
  },
} satisfies VendorDigestProps;
