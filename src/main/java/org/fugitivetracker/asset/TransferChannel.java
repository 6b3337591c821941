package org.fugitivetracker.asset;

/** How money was moved abroad, as a source describes it; one transfer may name several channels. */
public enum TransferChannel {

	MONEY_LAUNDERING, UNDERGROUND_BANK, BANK_TRANSFER, CASH, OTHER

}
