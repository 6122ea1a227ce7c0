import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, SmallText } from "./_parts/email-layout";
import { colors } from "./_parts/theme";

export type ConfirmSubscriptionProps = {
  /** "Guardian#1234" */
  playerName: string;
  email: string;
  confirmUrl: string;
  /** How long the link works, in days. */
  validDays: number;
};

/** Double opt-in: nothing is sent to an address until its owner confirms it here. */
export default function ConfirmSubscription(props: ConfirmSubscriptionProps) {
  return (
    <EmailLayout
      preview="Confirm your Warmind vendor digest"
      footer={
        <SmallText>
          If you did not ask for this, ignore this email: nothing will be sent to {props.email}{" "}
          unless someone opens the link above and confirms on the page it shows.
        </SmallText>
      }
    >
      <Heading as="h1" style={{ color: colors.text, fontSize: "24px", margin: "0 0 12px" }}>
        Confirm your vendor digest
      </Heading>
      <Text style={{ color: colors.text, fontSize: "15px", lineHeight: "24px" }}>
        {props.playerName} asked Warmind to send what Destiny 2&apos;s vendors sell to {props.email}{" "}
        after each daily reset. Confirm that this address is yours:
      </Text>
      <Button
        href={props.confirmUrl}
        style={{
          backgroundColor: colors.accent,
          color: colors.accentInk,
          borderRadius: "6px",
          fontWeight: 700,
          padding: "12px 20px",
        }}
      >
        Confirm my email address
      </Button>
      <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "20px" }}>
        Or open this link: {props.confirmUrl}
        <br />
        It works for {props.validDays} days.
      </Text>
    </EmailLayout>
  );
}

ConfirmSubscription.PreviewProps = {
  playerName: "Guardian#0042",
  email: "guardian@example.com",
  confirmUrl: "http://localhost:3000/api/digest/confirm?token=preview",
  validDays: 7,
} satisfies ConfirmSubscriptionProps;
