import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { findFreeSlots } from './free-slots.service';
import { meetingIcs } from './calendar-feed.service';
import { createMeeting } from './meeting-create.service';
import { getMeeting, listMeetings, listMyReminders } from './meeting-read.service';
import { cancelMeeting, respondToMeeting, updateMeeting } from './meeting-update.service';
import {
  CancelMeetingQuery,
  CreateMeetingBody,
  FreeSlotsQuery,
  ListMeetingsQuery,
  Meeting,
  MeetingIdParams,
  MeetingList,
  ReminderList,
  RespondBody,
  SlotList,
  UpdateMeetingBody,
} from './meetings.schema';

const tags = ['meetings'];

export function meetingsRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/meetings',
      {
        config: { permission: 'meetings:write' },
        schema: { tags, summary: 'Schedule a meeting (409 CONFLICT lists overlapping meetings unless allow_conflicts)', body: CreateMeetingBody, response: { 201: Meeting } },
      },
      async (req, reply) => reply.status(201).send(await createMeeting(ctx, req.actor!, req.body)),
    );
    app.get(
      '/api/meetings',
      {
        config: { permission: 'meetings:read' },
        schema: { tags, summary: 'Meetings in a range, recurring series expanded', querystring: ListMeetingsQuery, response: { 200: MeetingList } },
      },
      async (req) => listMeetings(ctx, req.actor!, req.query),
    );
    app.get(
      '/api/meetings/free-slots',
      {
        config: { permission: 'meetings:read' },
        schema: { tags, summary: "Common free slots within the attendees' working hours", querystring: FreeSlotsQuery, response: { 200: SlotList } },
      },
      async (req) => findFreeSlots(ctx, req.actor!, req.query),
    );
    app.get(
      '/api/meetings/reminders',
      { config: { permission: 'meetings:read' }, schema: { tags, summary: 'My meeting reminders of the last week', response: { 200: ReminderList } } },
      async (req) => listMyReminders(ctx, req.actor!),
    );
    app.get(
      '/api/meetings/:id',
      { config: { permission: 'meetings:read' }, schema: { tags, summary: 'Get a meeting', params: MeetingIdParams, response: { 200: Meeting } } },
      async (req) => getMeeting(ctx, req.actor!, req.params.id),
    );
    app.patch(
      '/api/meetings/:id',
      {
        config: { permission: 'meetings:write' },
        schema: { tags, summary: 'Change the series or one occurrence (scope)', params: MeetingIdParams, body: UpdateMeetingBody, response: { 200: Meeting } },
      },
      async (req) => updateMeeting(ctx, req.actor!, req.params.id, req.body),
    );
    app.delete(
      '/api/meetings/:id',
      {
        config: { permission: 'meetings:write' },
        schema: { tags, summary: 'Cancel a meeting, or one occurrence of a series', params: MeetingIdParams, querystring: CancelMeetingQuery, response: { 200: Meeting } },
      },
      async (req) => cancelMeeting(ctx, req.actor!, req.params.id, req.query.occurrence_start),
    );
    app.post(
      '/api/meetings/:id/response',
      {
        config: { permission: 'meetings:write' },
        schema: { tags, summary: 'Accept, decline or tentatively accept', params: MeetingIdParams, body: RespondBody, response: { 200: Meeting } },
      },
      async (req) => respondToMeeting(ctx, req.actor!, req.params.id, req.body.response),
    );
    app.get(
      '/api/meetings/:id/ics',
      { config: { permission: 'meetings:read' }, schema: { tags, summary: 'The meeting as iCalendar (RFC 5545)', params: MeetingIdParams } },
      async (req, reply) =>
        reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="meeting-${req.params.id}.ics"`)
          .send(await meetingIcs(ctx, req.actor!, req.params.id)),
    );
  };
}
