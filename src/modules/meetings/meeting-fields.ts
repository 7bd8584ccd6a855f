// Pure value lists shared by the schema, services and the web app.
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const RESPONSES = ['needs-action', 'accepted', 'declined', 'tentative'] as const;
export type AttendeeResponse = (typeof RESPONSES)[number];

export const UPDATE_SCOPES = ['series', 'occurrence'] as const;
export type UpdateScope = (typeof UPDATE_SCOPES)[number];
