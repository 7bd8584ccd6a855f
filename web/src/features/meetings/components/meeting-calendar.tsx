import type { DatesSetArg, EventClickArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Box } from '@mantine/core';
import type { Meeting } from '../api/meetings';
import classes from './meeting-calendar.module.css';

interface Props {
  meetings: Meeting[];
  timezone: string;
  selfId: string;
  /** The day to open on (YYYY-MM-DD); today by default. */
  initialDate?: string;
  onRange: (range: { from: string; to: string }) => void;
  onOpen: (m: Meeting) => void;
  onNewAt?: (startIso: string, allDay: boolean) => void;
}

const COLORS = { 'needs-action': 'var(--mantine-color-indigo-3)', accepted: 'var(--mantine-color-indigo-6)', tentative: 'var(--mantine-color-violet-4)', declined: 'var(--mantine-color-gray-4)' };

/** Week and month views of the meetings the API expanded; times shown in the user's own zone. */
export function MeetingCalendar({ meetings, timezone, selfId, initialDate, onRange, onOpen, onNewAt }: Props) {
  const events = meetings.map((m) => {
    const attending = m.attendees.find((a) => a.user_id === selfId);
    // Leads see colleagues' meetings too: those they do not attend stay in the background.
    const mine = attending?.response ?? 'declined';
    return {
      id: `${m.id}|${m.start}`,
      title: m.title,
      start: m.start,
      end: m.end,
      allDay: m.all_day,
      backgroundColor: COLORS[mine],
      borderColor: COLORS[mine],
      textColor: mine === 'accepted' ? 'white' : 'var(--mantine-color-dark-7)',
      classNames: !attending ? [classes.other!] : mine === 'declined' ? [classes.declined!] : [],
      extendedProps: { meeting: m },
    };
  });
  return (
    <Box className={classes.calendar} data-testid="meeting-calendar">
      <FullCalendar
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, luxonPlugin]}
        initialView="timeGridWeek"
        initialDate={initialDate}
        timeZone={timezone}
        firstDay={1}
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridWeek,dayGridMonth' }}
        buttonText={{ today: 'Today', week: 'Week', month: 'Month' }}
        height="auto"
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        scrollTime="08:00:00"
        nowIndicator
        dayMaxEvents={4}
        dayHeaderFormat={{ weekday: 'short', day: 'numeric', month: 'short', omitCommas: true }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        events={events}
        eventInteractive
        datesSet={(arg: DatesSetArg) => onRange({ from: arg.start.toISOString(), to: arg.end.toISOString() })}
        eventClick={(arg: EventClickArg) => {
          arg.jsEvent.preventDefault();
          onOpen(arg.event.extendedProps.meeting as Meeting);
        }}
        dateClick={onNewAt ? (arg: DateClickArg) => onNewAt(arg.date.toISOString(), arg.allDay) : undefined}
      />
    </Box>
  );
}
