package calendar_test

import (
	"fmt"
	"time"

	"github.com/rickar/cal/v2/us"

	"github.com/slakit/slakit/calendar"
)

func ExampleParseWeek() {
	w, err := calendar.ParseWeek("mon-fri 09:00-12:00,13:00-17:00; sat 10:00-14:00")
	if err != nil {
		panic(err)
	}
	fmt.Println(w)
	fmt.Println(w[time.Saturday])

	// An overnight shift: each night's tail belongs to the next day.
	night, err := calendar.ParseWeek("Mon-Fri 22:00-06:00")
	if err != nil {
		panic(err)
	}
	fmt.Println(night)
	// Output:
	// Mon-Fri 09:00-12:00,13:00-17:00; Sat 10:00-14:00
	// [10:00-14:00]
	// Mon 22:00-24:00; Tue-Fri 00:00-06:00,22:00-24:00; Sat 00:00-06:00
}

// A ticket opened on the Thursday before Independence Day (observed on
// Friday 3 July 2026) with a 4-hour response target.
func ExampleCalendar_Add() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	opened := time.Date(2026, time.July, 2, 15, 30, 0, 0, ny)
	fmt.Println(c.Add(opened, 4*time.Hour).Format(time.RFC1123))
	// Work that ends at closing time is due at closing time.
	fmt.Println(c.Add(opened, 90*time.Minute).Format(time.RFC1123))
	// Output:
	// Mon, 06 Jul 2026 11:30:00 EDT
	// Thu, 02 Jul 2026 17:00:00 EDT
}

// Business time spent on a ticket over the Memorial Day weekend.
func ExampleCalendar_Between() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	opened := time.Date(2026, time.May, 22, 16, 0, 0, 0, ny)  // Friday
	solved := time.Date(2026, time.May, 26, 10, 30, 0, 0, ny) // Tuesday; Monday is Memorial Day
	fmt.Println(c.Between(opened, solved))
	fmt.Println(c.Between(solved, opened))
	// Output:
	// 2h30m0s
	// -2h30m0s
}

// "Within 3 business days".
func ExampleCalendar_AddDays() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	thursday := time.Date(2026, time.July, 2, 15, 30, 0, 0, ny)
	saturday := time.Date(2026, time.July, 4, 10, 0, 0, 0, ny)
	fmt.Println(c.AddDays(thursday, 3).Format(time.RFC1123))
	// From a closed instant, counting starts at the next opening.
	fmt.Println(c.AddDays(saturday, 3).Format(time.RFC1123))
	// Output:
	// Wed, 08 Jul 2026 15:30:00 EDT
	// Thu, 09 Jul 2026 09:00:00 EDT
}

func ExampleCalendar_Intervals() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-12:00,13:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(ny, week)
	if err != nil {
		panic(err)
	}
	from := time.Date(2026, time.March, 9, 10, 0, 0, 0, ny)
	to := time.Date(2026, time.March, 10, 10, 0, 0, 0, ny)
	for iv := range c.Intervals(from, to) {
		fmt.Println(iv.Start.Format("Mon 15:04"), "-", iv.End.Format("Mon 15:04"))
	}
	// Output:
	// Mon 10:00 - Mon 12:00
	// Mon 13:00 - Mon 17:00
	// Tue 09:00 - Tue 10:00
}

func ExampleCalendar_NextOpen() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	c, err := calendar.New(ny, week, calendar.WithHolidays(us.Holidays...))
	if err != nil {
		panic(err)
	}
	friday := time.Date(2026, time.May, 22, 18, 0, 0, 0, ny)
	fmt.Println(c.IsOpen(friday))
	fmt.Println(c.NextOpen(friday).Format(time.RFC1123))
	fmt.Println(c.NextClose(friday).Format(time.RFC1123))
	// Output:
	// false
	// Tue, 26 May 2026 09:00:00 EDT
	// Tue, 26 May 2026 17:00:00 EDT
}

// Special hours on Christmas Eve: the desk closes at 13:00 on Thursday 24
// December 2026, Christmas Day is a holiday, the weekend is closed.
func ExampleWithHours() {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		panic(err)
	}
	week, err := calendar.ParseWeek("Mon-Fri 09:00-17:00")
	if err != nil {
		panic(err)
	}
	eve := calendar.Date{Year: 2026, Month: time.December, Day: 24}
	c, err := calendar.New(ny, week,
		calendar.WithHolidays(us.Holidays...),
		calendar.WithHours(eve, calendar.Span{Start: 9 * time.Hour, End: 13 * time.Hour}),
	)
	if err != nil {
		panic(err)
	}
	opened := time.Date(2026, time.December, 24, 12, 0, 0, 0, ny)
	fmt.Println(c.Add(opened, 2*time.Hour).Format(time.RFC1123))
	// Output:
	// Mon, 28 Dec 2026 10:00:00 EST
}
