package org.fugitivetracker.asset;

public enum TransferChannel {

	MONEY_LAUNDERING, UNDERGROUND_BANK, BANK_TRANSFER, CASH, OTHER

}
