stray line before META
META
key;value
country;Testland
unit;Testville
instance;2024
date_end;2024
VOTES
voter_id;vote;district
w1;3;Süd
w2;4;
PROJECT
w3;5;Nord;x
