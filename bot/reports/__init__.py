"""Charts, the doctor's PDF and the CSV export, built from a list of NightRecord.

Nothing is imported here on purpose: matplotlib and fpdf2 cost memory and start-up time, so
they load only when a chart or a PDF is first made (import bot.reports.chart and friends).
"""
