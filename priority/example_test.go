package priority_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/slakit/slakit/priority"
)

func ExampleITIL() {
	m := priority.ITIL()
	p, err := m.Priority("high", "Medium") // case does not matter
	if err != nil {
		panic(err)
	}
	fmt.Println(p, m.Label(p))

	// A VIP requester's ticket is raised one level, never past P1.
	vip, _ := m.Raise(p, 1)
	fmt.Println(vip, m.Label(vip))
	vip, _ = m.Raise(vip, 1)
	fmt.Println(vip, m.Label(vip))

	_, err = m.Priority("Huge", "High")
	fmt.Println(err)
	fmt.Println(errors.Is(err, priority.ErrUnknownImpact))

	fmt.Println(m)
	// Output:
	// P2 High
	// P1 Critical
	// P1 Critical
	// priority: unknown impact "Huge" (allowed: "High", "Medium", "Low")
	// true
	// impact \ urgency  High         Medium     Low
	// High              P1 Critical  P2 High    P3 Medium
	// Medium            P2 High      P3 Medium  P4 Low
	// Low               P3 Medium    P4 Low     P5 Planning
}

func ExampleNewMatrix() {
	// A helpdesk's own 4x2 matrix: impacts by who is affected, urgencies
	// by whether work has stopped, four labelled levels.
	m, err := priority.NewMatrix(
		[]string{"Company", "Department", "Team", "Person"},
		[]string{"Stopped", "Slowed"},
		[][]priority.Priority{
			{1, 2},
			{1, 3},
			{2, 3},
			{3, 4},
		},
	)
	if err != nil {
		panic(err)
	}
	m, err = m.WithLabels("Urgent", "High", "Normal", "Low")
	if err != nil {
		panic(err)
	}
	p, _ := m.Priority("team", "stopped")
	fmt.Println(p, m.Label(p))
	low, _ := m.Lower(p, 5) // clamped to the last level
	fmt.Println(low, m.Label(low))
	q, _ := m.Parse("normal")
	fmt.Println(q)
	fmt.Println(m)

	// A grid with a hole is rejected, naming the row.
	_, err = priority.NewMatrix(
		[]string{"Company", "Person"},
		[]string{"Stopped", "Slowed"},
		[][]priority.Priority{{1, 2}, {3}},
	)
	fmt.Println(err)
	// Output:
	// P2 High
	// P4 Low
	// P3
	// impact \ urgency  Stopped    Slowed
	// Company           P1 Urgent  P2 High
	// Department        P1 Urgent  P3 Normal
	// Team              P2 High    P3 Normal
	// Person            P3 Normal  P4 Low
	// priority: grid[1] (impact "Person"): grid does not match the axes: 1 column, want 2 (one per urgency)
}

func ExampleParse() {
	for _, s := range []string{"P2", "p3", "4", "P0", "high"} {
		p, err := priority.Parse(s)
		fmt.Println(p, err)
	}
	// Output:
	// P2 <nil>
	// P3 <nil>
	// P4 <nil>
	// P0 priority: "P0": priority out of range (want a level of 1 or more)
	// P0 priority: "high": not a priority (want "P2" or "2")
}

func ExampleMatrix_UnmarshalJSON() {
	data := []byte(`{
		"impacts": ["Wide", "Narrow"],
		"urgencies": ["Now", "Later"],
		"grid": [[1, 2], [2, 3]],
		"labels": ["Critical", "Major", "Minor"]
	}`)
	var m *priority.Matrix
	if err := json.Unmarshal(data, &m); err != nil {
		panic(err)
	}
	p, _ := m.Priority("narrow", "now")
	fmt.Println(p, m.Label(p))

	out, _ := json.Marshal(m)
	fmt.Println(string(out))

	err := json.Unmarshal([]byte(`{"impacts":["A"],"urgencies":["B"],"grid":[[1]],"colour":"red"}`), &m)
	fmt.Println(err)
	// Output:
	// P2 Major
	// {"impacts":["Wide","Narrow"],"urgencies":["Now","Later"],"grid":[[1,2],[2,3]],"labels":["Critical","Major","Minor"]}
	// priority: json: unknown field "colour" (want impacts, urgencies, grid, labels)
}
