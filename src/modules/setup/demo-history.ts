import type { Category, Priority } from '../tickets';

/**
 * The demo's last 30 days: requests a small SaaS team gets every week, each with the agent's
 * answer and, for some, the customer's follow-up and the closing reply. The loader spreads them
 * over the month with working-hour arrival times and reply delays that fit (or now and then miss)
 * the SLA, so the dashboard starts with a believable history.
 */
export interface HistoryTemplate {
  subject: string;
  description: string;
  category: Category;
  priority: Priority;
  channel: 'email' | 'web' | 'chat';
  reply: string;
  followUp?: string;
  closing?: string;
}

export const HISTORY_TEMPLATES: HistoryTemplate[] = [
  {
    subject: 'Reset link expired before I could use it',
    description: 'I asked for a password reset yesterday evening and clicked the link this morning. It says the link has expired. How do I get back into my account?',
    category: 'technical',
    priority: 'normal',
    channel: 'email',
    reply: 'Reset links are valid for 60 minutes, so the one from yesterday had run out. Please request a new one from the sign-in page and use it right away; only the newest link works.',
    followUp: 'That worked, I am back in. Thanks!',
    closing: 'Glad to hear it. Have a good day!',
  },
  {
    subject: 'Invoice needs our VAT number',
    description: 'Our accounting department needs the VAT ID DE 811 907 980 on every invoice. The last invoice did not show it. Can you add it and send a corrected copy of INV-2207?',
    category: 'billing',
    priority: 'normal',
    channel: 'email',
    reply: 'I added your VAT ID to the billing profile and re-issued INV-2207; the corrected PDF is under Billing → Invoices. All future invoices will show it.',
  },
  {
    subject: 'Sync stuck at 99% on iPad',
    description: 'The iPad app has shown "Syncing 99%" for two days. New notes from my laptop do not show up on the tablet. iPadOS 17.4, app version 5.2.0.',
    category: 'technical',
    priority: 'high',
    channel: 'web',
    reply: 'Thanks for the details. Version 5.2.0 had a sync bug with large attachments; 5.2.1 fixes it. Could you update from the App Store and pull down to refresh?',
    followUp: 'Updated to 5.2.1, sync finished within a minute. All notes are there.',
    closing: 'Perfect, thanks for confirming. I will close this one.',
  },
  {
    subject: 'Add 5 seats to our team',
    description: 'We are hiring five people next month. How do we add seats, and will we be charged the full month for them?',
    category: 'billing',
    priority: 'low',
    channel: 'chat',
    reply: 'An admin can add seats under Settings → Plan → Seats. New seats are charged pro rata for the rest of the current billing period, so you only pay for the days they exist.',
  },
  {
    subject: 'Two-factor codes not accepted',
    description: 'After switching phones my authenticator app generates codes but Acme Cloud says they are invalid. I have my backup codes somewhere but cannot find them right now. hlep',
    category: 'technical',
    priority: 'high',
    channel: 'web',
    reply: 'Codes from a new phone fail when its clock is off by more than 30 seconds. Please turn on automatic time on the phone and try again; if it still fails, reply here and I will start an identity check to reset 2FA.',
    followUp: 'Automatic time was off. It works now.',
    closing: 'Great. Tip: store the backup codes in your password manager for next time.',
  },
  {
    subject: 'Webhook signature does not match',
    description: 'We verify the X-Acme-Signature header with our signing secret but the HMAC never matches. We use Node and compute sha256 over JSON.stringify(req.body). Any idea?',
    category: 'technical',
    priority: 'normal',
    channel: 'email',
    reply: 'The signature is computed over the raw request body. JSON.stringify of the parsed body changes whitespace and key order, so the hash differs. Compute the HMAC over the raw bytes before parsing and it will match.',
    followUp: 'Using the raw body fixed it. Thank you, that saved us a day.',
    closing: 'You are welcome. Happy building!',
  },
  {
    subject: 'Refund for accidental annual upgrade',
    description: 'A colleague upgraded us to the annual Business plan by mistake yesterday. We want to go back to monthly Team. Can we get the difference refunded?',
    category: 'billing',
    priority: 'normal',
    channel: 'web',
    reply: 'Upgrades are refundable within 14 days. I switched the workspace back to monthly Team and started the refund of the difference; it shows on your card in 5–10 business days.',
  },
  {
    subject: 'Export times out for our big project',
    description: 'Exporting the "Archive 2019-2024" project fails after about ten minutes with "Export failed". Smaller projects export fine. We need this for an audit next week.',
    category: 'technical',
    priority: 'high',
    channel: 'email',
    reply: 'Large exports run in the background now: choose "Email me when ready" in the export dialog. I also raised the limit for your workspace, so the archive project will go through.',
    followUp: 'Got the email with the download link this morning, the zip is complete.',
    closing: 'Excellent, good luck with the audit.',
  },
  {
    subject: 'How do I invite a contractor with limited access?',
    description: 'We want to give an external designer access to one project only, not our whole workspace. Is that possible?',
    category: 'general',
    priority: 'low',
    channel: 'chat',
    reply: 'Yes: invite them as a Guest from the project’s Share menu. Guests see only the projects they are invited to and do not use a paid seat.',
  },
  {
    subject: 'Card declined but bank says everything is fine',
    description: 'Our renewal payment failed three times with "card declined". The bank says there is no block on the card. The workspace now shows a warning banner. What can we do?',
    category: 'billing',
    priority: 'high',
    channel: 'email',
    reply: 'The declines came back as "authentication required": your bank wants 3-D Secure confirmation. Please update the card under Billing → Payment method; you will be asked to confirm it in your banking app, and I will retry the charge then.',
    followUp: 'Confirmed it in the app just now.',
    closing: 'The payment went through and the warning is gone. Thanks for sorting it out so quickly.',
  },
  {
    subject: 'Dashboard very slow since Monday',
    description: 'Opening the projects dashboard takes 20-30 seconds since Monday. Other pages are OK. We are about 40 people in the workspace, mostly on Chrome.',
    category: 'technical',
    priority: 'normal',
    channel: 'web',
    reply: 'A project with thousands of archived cards was slowing the dashboard query. We deployed a fix this afternoon; it should load in under two seconds again. Could you check?',
    followUp: 'Yes, it is fast again.',
  },
  {
    subject: 'SSO login loops back to the sign-in page',
    description: 'We enabled SAML SSO with Okta. After logging in at Okta users land on our sign-in page again, in a loop. The Okta logs show success.',
    category: 'technical',
    priority: 'urgent',
    channel: 'email',
    reply: 'The ACS URL in Okta ends in /saml while Acme Cloud expects /saml/acs. Please correct it in the Okta app settings; I have enabled password login as a fallback for your admins meanwhile.',
    followUp: 'Fixed the ACS URL, SSO works for everyone now.',
    closing: 'Great. I switched the password fallback off again.',
  },
  {
    subject: 'Please delete my account and data',
    description: 'I no longer use the service. Please delete my account and all personal data under GDPR.',
    category: 'general',
    priority: 'normal',
    channel: 'email',
    reply: 'Your deletion request is confirmed. The account is closed now and all personal data is erased within 30 days, backups included. You will get a confirmation email when it is done.',
  },
  {
    subject: 'Feature request: recurring tasks',
    description: 'It would help us a lot if tasks could repeat every week, e.g. "send the weekly report". Is this on the roadmap?',
    category: 'general',
    priority: 'low',
    channel: 'web',
    reply: 'Thank you for the suggestion! Recurring tasks are on our roadmap for the next quarter; I added your vote and you will hear from us when it ships.',
  },
  {
    subject: 'API returns 429 during our nightly import',
    description: 'Our nightly import of about 50,000 records gets HTTP 429 after a few minutes. What are the rate limits and can they be raised?',
    category: 'technical',
    priority: 'normal',
    channel: 'email',
    reply: 'The limit is 600 requests per minute per key. Please use the bulk endpoint (up to 500 records per call) and honour the Retry-After header; your import then needs about 100 calls.',
    followUp: 'Switched to the bulk endpoint, the import runs in 4 minutes now.',
  },
  {
    subject: 'Wrong name on the invoice',
    description: 'The invoice shows our old company name "Brightline GmbH". We are "Brightline Studios GmbH" since March. please fix',
    category: 'billing',
    priority: 'low',
    channel: 'email',
    reply: 'I updated the company name in your billing profile. New invoices carry it; I re-issued the March and April invoices with the new name as well.',
  },
  {
    subject: 'Cannot upload files larger than 20 MB',
    description: 'Uploading a 35 MB video fails with "file too large". Our plan is Business. Is there a limit?',
    category: 'technical',
    priority: 'normal',
    channel: 'chat',
    reply: 'Business allows files up to 250 MB, but uploads from the browser are limited to 20 MB when the old uploader is active. Switch on "New uploader" under Settings → Labs and large files go through.',
  },
  {
    subject: 'Change the owner of our workspace',
    description: 'Our workspace owner left the company. How can we transfer ownership to me? I am an admin.',
    category: 'general',
    priority: 'normal',
    channel: 'web',
    reply: 'Since the owner cannot approve the transfer, we need a short confirmation from your company. Please reply with a signed note on company letterhead and I will transfer ownership to you.',
    followUp: 'Attached the signed letter from our CEO.',
    closing: 'Thank you, ownership is transferred to you now.',
  },
  {
    subject: 'Mobile app crashes when opening a comment',
    description: 'Android app 5.1.8 crashes every time I open a comment with an image. Pixel 7, Android 14. Reinstalling did not help.',
    category: 'technical',
    priority: 'high',
    channel: 'web',
    reply: 'This is a known crash in 5.1.8 with HEIC images; 5.1.9 is rolling out on Google Play today and fixes it. Thanks for the report and sorry for the trouble.',
  },
  {
    subject: 'Question about data location',
    description: 'Where is our data stored? Our customers ask whether it stays in the EU.',
    category: 'general',
    priority: 'low',
    channel: 'email',
    reply: 'Workspaces created in the EU region are stored in Frankfurt with backups in Amsterdam; data does not leave the EU. The data processing agreement under Settings → Legal states this too.',
  },
];

export const HISTORY_CUSTOMERS: { name: string; email: string }[] = [
  { name: 'Amara Okafor', email: 'amara.okafor@example.com' },
  { name: 'Lukas Brandt', email: 'l.brandt@example.de' },
  { name: 'Sofia Rossi', email: 'sofia@rossi-design.example' },
  { name: 'Mei Chen', email: 'mei.chen@example.org' },
  { name: 'Tom Becker', email: 'tom.becker@example.net' },
  { name: 'Priya Nair', email: 'priya@brightline.example' },
  { name: 'Diego Alvarez', email: 'd.alvarez@example.com' },
  { name: 'Hannah Schmidt', email: 'hannah.schmidt@example.de' },
  { name: 'Yusuf Demir', email: 'yusuf@demir-logistik.example' },
  { name: 'Emma Wilson', email: 'emma.wilson@example.co.uk' },
  { name: 'Kwame Mensah', email: 'kwame@example.org' },
  { name: 'Ana Costa', email: 'ana.costa@example.pt' },
  { name: 'Oskar Nilsson', email: 'oskar.nilsson@example.se' },
  { name: 'Fatima Zahra', email: 'f.zahra@example.com' },
];
