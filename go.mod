module github.com/liwan-edu/schoolmap

go 1.26.8

require (
	github.com/paulmach/orb v0.14.0
	golang.org/x/image v0.48.0
)

require (
	go.mongodb.org/mongo-driver/v2 v2.5.0 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
