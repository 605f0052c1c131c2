// Package visitpage renders Jadwal Kunjungan: the week and month calendars,
// a visit's page and the form to plan or reschedule a visit.
package visitpage
