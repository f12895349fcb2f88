import type { AccountEraser } from "@/server/accounts/account-eraser";
import { eraseAccountMessages } from "@/server/chat/messages/erase-account-messages";
import { eraseAccountFeed } from "@/server/feed/graph/erase-account-feed";
import { eraseAccountLinks } from "@/server/links/manage/erase-account-links";
import { eraseAccountRides } from "@/server/rides/drivers/erase-account-rides";
import { eraseAccountShop } from "@/server/shop/erase-account-shop";
import { eraseAccountVideos } from "@/server/videos/erase-account-videos";

/**
 * What each system does when someone deletes their account (account-eraser.ts),
 * composed here at the entry point so accounts know no system. Rides first:
 * its check refuses while a ride is under way, before anything is erased.
 */
export const ACCOUNT_ERASERS: readonly AccountEraser[] = [eraseAccountRides, eraseAccountLinks, eraseAccountMessages, eraseAccountFeed, eraseAccountVideos, eraseAccountShop];
