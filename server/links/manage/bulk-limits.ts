/** Rows one links.bulkCreate call may carry; the browser sends a longer file in calls of this size, showing progress between them. */
export const BULK_ROWS_PER_CALL = 100;
