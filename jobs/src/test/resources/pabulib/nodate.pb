META
key;value
country;Testland
unit;Testville
instance;2022

VOTES
voter_id;vote
x1;1
