import type { Metadata } from "next";
import { OutboxList } from "./outbox-list";
import { loadOutbox } from "./load-outbox";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  return <OutboxList messages={await loadOutbox()} />;
}
