package redact_test

import (
	"fmt"

	"github.com/slakit/slakit/redact"
)

func Example() {
	r := redact.Default()
	fmt.Println(r.Redact("Hi, I'm jane.doe@example.com, call me on +44 20 7946 0958. Card 4242 4242 4242 4242, order ORD-2024-000123."))
	// Output:
	// Hi, I'm [EMAIL], call me on [PHONE]. Card [CREDIT_CARD], order ORD-2024-000123.
}

func ExampleRedactor_Find() {
	s := "Login from 192.0.2.7 failed for jane@example.com"
	for _, m := range redact.Default().Find(s) {
		fmt.Printf("%s %d-%d %s\n", m.Kind, m.Start, m.End, s[m.Start:m.End])
	}
	// Output:
	// ipv4 11-20 192.0.2.7
	// email 32-48 jane@example.com
}

func ExampleMask() {
	r, err := redact.New(redact.WithOperator(redact.KindCreditCard, redact.Mask(4)))
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Redact("Please refund 4242 4242 4242 4242."))
	// Output:
	// Please refund **** **** **** 4242.
}

// Pseudonyms let a report count one customer's tickets without showing
// who the customer is: the same address gives the same pseudonym.
func ExamplePseudonym() {
	key := []byte("a secret key of at least 16 bytes") // keep it out of the code in real use
	r, err := redact.New(redact.WithOperator(redact.KindEmail, redact.Pseudonym(key)))
	if err != nil {
		panic(err)
	}
	count := map[string]int{}
	for _, from := range []string{"jane@example.com", "bob@example.org", "Jane@Example.com"} {
		count[r.Redact(from)]++
	}
	fmt.Println(len(count), "customers")
	fmt.Println(count[r.Redact("jane@example.com")], "tickets from one of them")
	// Output:
	// 2 customers
	// 2 tickets from one of them
}
