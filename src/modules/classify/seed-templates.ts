import type { Intent, Priority } from './labels.js';

export interface IntentTemplates {
  priority: Priority;
  subjects: string[];
  bodies: string[];
}

export const TEMPLATES: Record<Intent, IntentTemplates> = {
  technical_issue: {
    priority: 'high',
    subjects: ['{area} not working', 'Error in {area}', 'Bug: {area} broken', '{area} keeps crashing', 'Problem with {area}'],
    bodies: [
      '{area} shows {error} {when}. I tried clearing the cache and another browser but nothing changed.',
      'When I open {area} in {platform} I get {error}. It worked fine before.',
      '{area} crashes every time I try to save. Steps: open a record, edit it, click save, crash.',
      'We are seeing {error} when calling {area} {when}. Logs attached.',
      '{area} is extremely slow {when}, pages take 30 seconds to load.',
      'Sync is failing: {area} does not update and throws {error}.',
      'The button in {area} does nothing on {platform}. Looks like a bug.',
      'After the update {area} freezes and I have to restart the app.',
      'I am writing to report a problem with {area}. It stopped working {when} and now shows {error}.',
      'The integration between {area} and our CRM fails with {error} and data is no longer synchronized.',
      'My laptop cannot connect to the VPN since the last software update.',
      'The web server keeps running out of memory and our website becomes unresponsive.',
      'Numbers in the analytics dashboard are wrong since the last data import.',
      'The backup job has failed every night {when} with {error}.',
      'Outlook no longer syncs my mailbox and the printer driver keeps crashing after the update.',
      'There seems to be a compatibility issue between {area} and the latest version of {platform}.',
    ],
  },
  outage: {
    priority: 'urgent',
    subjects: ['Service down', 'Outage - nobody can log in', 'Site is down', 'Production down', '{area} down for everyone'],
    bodies: [
      'The whole service is down for everyone in our company {when}. Nothing loads.',
      'Production is down. All users get {error} and we cannot work.',
      'Your platform seems to be having an outage, {area} is unreachable for all our staff.',
      'None of our 200 agents can access anything, every page returns {error}.',
      'Is there an outage? Our status checks have been failing {when} and customers are complaining.',
      'Complete outage on our side, the app does not load at all on any device.',
    ],
  },
  security_incident: {
    priority: 'urgent',
    subjects: ['Account hacked', 'Security breach', 'Suspicious login', 'Possible data leak', 'Compromised account'],
    bodies: [
      'I think my account was hacked, someone changed my password and email address.',
      'We noticed logins from an unknown country on an admin account. Possible security breach.',
      'One of our API keys was leaked publicly on GitHub, please help us revoke it.',
      'A former employee still has access and has been downloading customer data.',
      'I received a password reset I did not request and now I cannot log in. Was my account compromised?',
      'Our data appears in a phishing email sent to our customers, we suspect a breach.',
    ],
  },
  login_access: {
    priority: 'normal',
    subjects: ['Cannot log in', 'Password reset not working', 'Locked out of my account', 'Login problem', '2FA issue'],
    bodies: [
      'I cannot log in, it says my password is wrong even after resetting it.',
      'The password reset email never arrives. I checked spam too.',
      'My account is locked after too many attempts, how do I unlock it?',
      'I lost my phone and can no longer get the two-factor code.',
      'Single sign-on redirects me back to the login page in a loop.',
      'I forgot my password and the reset link says it has expired.',
    ],
  },
  account_management: {
    priority: 'normal',
    subjects: ['Change account email', 'Delete my account', 'Add a user', 'Update company details', 'Transfer account ownership'],
    bodies: [
      'Please change the email address on my account to my new work address.',
      'I would like to delete my account and all my data.',
      'How can I transfer ownership of our workspace to a colleague who is taking over?',
      'We need to update the company name and address on our account.',
      'Please remove two users who left the company from our account.',
      'Can I merge my two accounts into one?',
    ],
  },
  how_to: {
    priority: 'low',
    subjects: ['How do I {task}?', 'Question about {area}', 'Help with setup', 'How to {task}'],
    bodies: [
      'How do I {task}? I could not find it in the documentation.',
      'Could you explain how to {task} in {area}?',
      'Is there a guide for how to {task}? We are just getting started.',
      'Where in the settings can I {task}?',
      'I am new to the product. What is the best way to {task}?',
    ],
  },
  feature_request: {
    priority: 'low',
    subjects: ['Feature request: {feature}', 'Suggestion', 'Would love {feature}', 'Idea for {area}'],
    bodies: [
      'It would be great if you could add {feature}. Our team would use it every day.',
      'Feature request: {feature}. Is this on your roadmap?',
      'Do you plan to support {feature}? We are missing it compared to other tools.',
      'Suggestion: please consider {feature} in {area}.',
    ],
  },
  payment_issue: {
    priority: 'high',
    subjects: ['Payment failed', 'Card declined', 'Cannot pay invoice', 'Payment error'],
    bodies: [
      'My card keeps getting declined when I try to pay for the {plan} plan.',
      'The payment of {amount} failed and now our account says it is suspended.',
      'I tried to pay the invoice by card but the payment page shows {error}.',
      'Our bank transfer of {amount} was sent a week ago but the invoice is still unpaid.',
      'Auto-renewal payment failed {month}, please help before we lose access.',
    ],
  },
  unrecognized_charge: {
    priority: 'high',
    subjects: ['Charged twice', 'Unknown charge', 'Double billing', 'Wrong amount charged'],
    bodies: [
      'I was charged twice for {month}, two payments of {amount} on my card.',
      'There is a charge of {amount} on my statement that I do not recognise.',
      'You billed us {amount} but our plan should cost less. Please explain.',
      'We cancelled but were still charged {amount} {month}.',
    ],
  },
  refund: {
    priority: 'normal',
    subjects: ['Refund request', 'Where is my refund?', 'Money back', 'Refund not received'],
    bodies: [
      'I would like a refund for the {plan} plan, we did not use it at all.',
      'You promised a refund of {amount} two weeks ago but I have not received it.',
      'What is your refund policy for annual subscriptions?',
      'Please refund the duplicate payment of {amount}.',
    ],
  },
  invoice: {
    priority: 'normal',
    subjects: ['Invoice request', 'VAT on invoice', 'Need invoice for {month}', 'Invoice address wrong'],
    bodies: [
      'Could you send me the invoice for {month}? Our accounting team needs it.',
      'Our VAT number is missing on the invoice, please reissue it.',
      'Where can I download past invoices?',
      'The billing address on the invoice is wrong, please correct it to our new office.',
      'We need a PDF copy of the invoice for {amount} for our records.',
    ],
  },
  fees_and_pricing: {
    priority: 'low',
    subjects: ['Pricing question', 'How much does {plan} cost?', 'Fees', 'Discount for nonprofits?'],
    bodies: [
      'How much does the {plan} plan cost per user per month?',
      'Are there any extra fees for additional storage or users?',
      'Do you offer discounts for nonprofits or annual billing?',
      'Is there a fee if we cancel before the end of the contract?',
      'Why did the price of the {plan} plan go up {month}?',
    ],
  },
  payment_info: {
    priority: 'low',
    subjects: ['Payment methods', 'Can I pay by invoice?', 'Change credit card', 'Update billing details'],
    bodies: [
      'Which payment methods do you accept? Can we pay by bank transfer?',
      'How do I update the credit card used for our subscription?',
      'Can we pay in euros instead of dollars?',
      'Is it possible to pay yearly by invoice instead of by card?',
    ],
  },
  subscription_change: {
    priority: 'normal',
    subjects: ['Upgrade plan', 'Cancel subscription', 'Downgrade to {plan}', 'Change billing cycle'],
    bodies: [
      'We want to upgrade from {plan} to Enterprise. How does billing work mid-cycle?',
      'Please cancel our subscription at the end of the current period.',
      'I would like to downgrade to the {plan} plan and remove five seats.',
      'Can we switch from monthly to annual billing?',
      'Please add ten more seats to our {plan} subscription.',
    ],
  },
  order: {
    priority: 'normal',
    subjects: ['Order status', 'Change my order', 'Cancel order', 'Place an order'],
    bodies: [
      'I placed an order last week and would like to know its status.',
      'Can I still change the items in my order?',
      'Please cancel my order, I ordered the wrong item.',
      'I want to order 20 hardware tokens for our team, how do I do that?',
    ],
  },
  delivery: {
    priority: 'normal',
    subjects: ['Shipping question', 'Delivery delayed', 'Change delivery address', 'When will it arrive?'],
    bodies: [
      'My package has not arrived yet, the tracking has not updated for days.',
      'Please change the shipping address for my order to our new office.',
      'What delivery options do you offer for international shipping?',
      'How long does delivery usually take to Germany?',
    ],
  },
  contact_human: {
    priority: 'normal',
    subjects: ['Speak to a person', 'Call me back', 'Contact support', 'Phone number?'],
    bodies: [
      'Can I talk to a real person please? The bot did not help.',
      'Please have someone call me back about our account.',
      'What is your support phone number and opening hours?',
      'I would like to speak with an account manager.',
    ],
  },
  complaint: {
    priority: 'high',
    subjects: ['Complaint', 'Very disappointed', 'Terrible service', 'Unacceptable'],
    bodies: [
      'I am very unhappy with your support. Nobody answered my ticket for a week.',
      'This is the third time I report the same problem. Unacceptable service.',
      'I want to file a formal complaint about how my request was handled.',
      'Your agent was rude to me on the phone and I expect an apology.',
    ],
  },
  feedback: {
    priority: 'low',
    subjects: ['Feedback', 'Great product', 'Thanks to your team', 'A few thoughts'],
    bodies: [
      'Just wanted to say the new update is great, thank you!',
      'Some feedback: the onboarding was smooth but the reports are confusing.',
      'Your support agent Maria was very helpful, please pass on our thanks.',
      'We love the product overall. Here are a few thoughts from our team.',
    ],
  },
  newsletter: {
    priority: 'low',
    subjects: ['Unsubscribe', 'Newsletter', 'Stop marketing emails', 'Subscribe to updates'],
    bodies: [
      'Please unsubscribe me from your newsletter.',
      'How do I stop receiving marketing emails?',
      'I would like to subscribe to your product updates newsletter.',
      'I keep getting promotional emails even though I unsubscribed.',
    ],
  },
  general_question: {
    priority: 'low',
    subjects: ['Question', 'Partnership inquiry', 'Do you have a reseller program?', 'Information request', 'GDPR question'],
    bodies: [
      'Do you have a partner or reseller program?',
      'Where are your servers located and are you GDPR compliant?',
      'Could you send us your security documentation for our vendor review?',
      'Do you offer training sessions for new teams?',
      'Is your company hiring? I would like to apply.',
      'Can you tell me more about your company and the services you offer?',
      'I would like more information about your consulting services for small businesses.',
      'We are interested in your marketing and brand growth services. What options do you have?',
      'Do you offer onboarding workshops or training programs for new staff?',
      'Could you share case studies from customers in the healthcare sector?',
    ],
  },
};
