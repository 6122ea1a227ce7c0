import type { Metadata } from "next";
import { OutboxList } from "@/components/outbox/outbox-list";
import { loadOutbox } from "@/lib/outbox/load-outbox";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  return <OutboxList messages={await loadOutbox()} />;
}
