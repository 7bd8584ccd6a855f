export { meetingsRoutes } from './meetings.routes';
export { calendarRoutes } from './calendar.routes';
export { registerMeetingJobs, REMINDERS_JOB, sendDueReminders, scheduleReminderRun } from './meeting-reminders.jobs';
export { meetings, meetingAttendees, meetingRemindersSent, calendarTokens, type MeetingRow } from './meetings.table';
export { findVisibleMeeting, requireStaff } from './meeting-access';
export * from './meeting-fields';
export { CreateMeetingBody, UpdateMeetingBody, Meeting, MeetingList, FreeSlotsQuery, SlotList, Conflict } from './meetings.schema';
