-- 常务会审定: the meeting (会议期次, 会议日期) at which the 常务会 gave its opinion on a list.
ALTER TABLE "power_list_opinion" ADD COLUMN "meeting_number" TEXT;
ALTER TABLE "power_list_opinion" ADD COLUMN "meeting_date" DATE;
