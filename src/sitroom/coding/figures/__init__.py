"""Figures: fatalities, injuries, arrests and crowd sizes read from a passage.

``numbers`` parses numerals in English, Russian and Kyrgyz; ``words`` holds the nouns and verbs a
figure counts; ``extract`` ties a number to what it counts.
"""
