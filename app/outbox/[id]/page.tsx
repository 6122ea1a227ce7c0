import type { Metadata } from "next";
import { OutboxMessageView } from "@/components/outbox/outbox-message";
import { loadOutboxMessage } from "@/lib/outbox/load-outbox";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <OutboxMessageView message={await loadOutboxMessage(id)} />;
}
