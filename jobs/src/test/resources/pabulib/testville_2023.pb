META
key;value
description;Test PB
country;Testland
unit;Testville
district;Północ
instance;2023
num_projects;2
num_votes;5
vote_type;approval
date_begin;01.05.2023
date_end;14.05.2023
PROJECTS
project_id;cost;votes;name
1;100;3;Park benches
2;200;2;"Bike racks; two streets"
VOTES
voter_id;vote
v1;1,2
v2;1
v3
;2
v1;1,2
v4;2;extra
