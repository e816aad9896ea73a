graph [
  directed 1
  node [
    id 0
    label "1"
  ]
  node [
    id 1
    label "2"
  ]
  node [
    id 2
    label "3"
  ]
  edge [
    source 0
    target 1
    weight 0.5
    strength 3
  ]
  edge [
    source 1
    target 2
    weight 0.25
    strength 4
  ]
  edge [
    source 2
    target 0
    weight 1.0
    strength 5
  ]
]
