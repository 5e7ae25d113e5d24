-- How far each platform feed has been pulled completely (the end of the last committed window).
CREATE TABLE pull_watermark (
  feed          VARCHAR(16) NOT NULL,
  pulled_until  DATETIME(3) NOT NULL,
  PRIMARY KEY (feed)
);
