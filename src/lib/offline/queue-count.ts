// STUB until the offline write queue (branch `queue`) replaces this file: how many writes made on
// this device are still waiting to be sent. The sign-out form reads it to warn before they are
// lost. Contract: browser-only, never throws, resolves to 0 when there is no queue.
export async function queuedWrites(): Promise<number> {
	return 0;
}
