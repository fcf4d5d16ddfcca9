/**
 * @module What the chat's browser tests do on both sides: an agent signs in to the console, and a
 * candidate whose question the knowledge base cannot answer talks to a person, and reads the chat.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../examples/demo-gateway.ts';

/** Signs `account` in to the console at `gatewayUrl` and waits for the queue. */
export async function signInToConsole(page: Page, gatewayUrl: string, account: string): Promise<Page> {
  await page.goto(`${gatewayUrl}/console/`);
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Queue/ }).waitFor();
  return page;
}

/** Asks `question` in the open panel (one the knowledge base cannot answer) and presses "Talk to a person". */
export async function talkToAPerson(candidate: Page, question: string): Promise<void> {
  await candidate.locator('#lifeline-question').fill(question);
  await candidate.locator('#lifeline-question').press('Enter');
  await candidate.getByRole('button', { name: 'Talk to a person' }).first().click();
}

/** Talks to a person and sends the confirmation; resolves when the queue position shows. */
export async function escalate(candidate: Page, question: string): Promise<void> {
  await talkToAPerson(candidate, question);
  await candidate.getByRole('button', { name: 'Send and talk to a person' }).click();
  // "You are next in the queue." or "number 3 in the queue": a wait in minutes only when the gateway can estimate one.
  await expect.poll(() => candidate.locator('.chat .status[role=status]').textContent()).toMatch(/in the queue/);
}

/** The chat's lines as the candidate sees them, in order: a message's text, or a line's whole text. */
export const chatLines = (candidate: Page) =>
  candidate.locator('lifeline-root').evaluate((root) => [...(root.shadowRoot?.querySelectorAll('.chat .log li') ?? [])].map((li) => li.querySelector('p:not(.when)')?.textContent ?? li.textContent ?? ''));
